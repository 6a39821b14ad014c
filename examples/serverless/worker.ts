// A Cloudflare Worker / Vercel Edge Function: POST a lead as JSON to any path, get the
// routing decision back. It uses only web APIs, so it runs in any edge runtime.
import { memoryStore } from 'netspear';
import { buildRouter, type FormLead } from './router.js';

// Built once per isolate. NOTE: a Worker isolate serves many requests but not all of them,
// so keep the round-robin state in a Durable Object or another shared store in production.
const router = buildRouter({ store: memoryStore() });

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return Response.json({ error: `method ${request.method} is not allowed; POST a lead as JSON` }, { status: 405 });
    }
    let lead: FormLead;
    try {
      lead = (await request.json()) as FormLead;
    } catch {
      return Response.json({ error: 'invalid JSON in the request body' }, { status: 400 });
    }
    return Response.json(await router.route(lead));
  },
};
