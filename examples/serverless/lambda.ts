// An AWS Lambda handler behind API Gateway (REST API, proxy integration): POST a lead as
// JSON, get the routing decision back. Send an `Idempotency-Key` header to make retries safe.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { idempotent, memoryStore } from 'netspear';
import { buildRouter, type FormLead } from './router.js';

// Built once per Lambda instance, at import, and reused by every invocation it serves.
// NOTE: memoryStore lives in one instance. Give every instance one shared store (DynamoDB with
// a condition expression, or Redis), so that round robin and idempotency hold across instances.
const store = memoryStore();
const router = idempotent(buildRouter({ store }), { store });

function reply(statusCode: number, body: unknown): APIGatewayProxyResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Routes the lead in the request body. */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  if (event.httpMethod !== 'POST') return reply(405, { error: `method ${event.httpMethod} is not allowed; POST a lead as JSON` });
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  let lead: FormLead;
  try {
    lead = JSON.parse(text) as FormLead;
  } catch {
    return reply(400, { error: 'invalid JSON in the request body; POST a lead such as {"email":"jane@acme.com"}' });
  }
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const key = headers['idempotency-key'];
  const decision = await router.route(lead, key === undefined ? {} : { idempotencyKey: key });
  return reply(200, decision);
}
