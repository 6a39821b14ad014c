import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { build } from 'esbuild';
import { EdgeRuntime } from 'edge-runtime';
import { describe, expect, it } from 'vitest';
import { dataFile } from '../support/data.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const apiGatewayEvent = JSON.parse(readFileSync(new URL('./events/api-gateway-post.json', import.meta.url), 'utf8')) as APIGatewayProxyEvent;

describe('lambda example', () => {
  it('routes an API Gateway event', async () => {
    const started = performance.now();
    const { handler } = await import('../../examples/serverless/lambda.js');
    const importMs = performance.now() - started;
    const response = await handler(apiGatewayEvent);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    const decision = JSON.parse(response.body);
    expect(decision).toMatchObject({ route: 'sales', configVersion: 'serverless-example-1', idempotency: { key: 'form-submission-8841', status: 'first' } });
    expect(decision.assignment).toMatchObject({ assignee: 'Agent 12', method: 'round_robin' });
    // Ready within milliseconds of import; the bound is loose because vitest transforms the source.
    expect(importMs).toBeLessThan(2_000);
  });

  it('replays a retried event', async () => {
    const { handler } = await import('../../examples/serverless/lambda.js');
    const retried = { ...apiGatewayEvent, requestContext: { ...apiGatewayEvent.requestContext, requestId: 'retry-2' } };
    const decision = JSON.parse((await handler(retried)).body);
    expect(decision.idempotency).toEqual({ key: 'form-submission-8841', status: 'replayed' });
    expect(decision.assignment.assignee).toBe('Agent 12');
  });

  it('rejects invalid JSON and other methods', async () => {
    const { handler } = await import('../../examples/serverless/lambda.js');
    expect((await handler({ ...apiGatewayEvent, isBase64Encoded: false, body: '{not json' })).statusCode).toBe(400);
    expect((await handler({ ...apiGatewayEvent, httpMethod: 'GET', body: null })).statusCode).toBe(405);
  });
});

describe('edge worker example', () => {
  it('routes a lead in an edge runtime', async () => {
    // Bundle as edge platforms do: for the browser platform, so a Node built-in fails the build.
    const bundle = await build({
      stdin: {
        contents: `import worker from './examples/serverless/worker.ts';
          addEventListener('fetch', (event) => event.respondWith(worker.fetch(event.request)));`,
        resolveDir: root,
        loader: 'ts',
      },
      alias: { netspear: join(root, 'src/index.ts') },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const runtime = new EdgeRuntime({ initialCode: bundle.outputFiles[0]?.text ?? '' });
    const started = performance.now();
    const response = await runtime.dispatchFetch('http://localhost/route', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cto@globaltechinc.com', title: 'CTO' }),
    });
    const firstRequestMs = performance.now() - started;
    expect(response.status).toBe(200);
    const decision = (await response.json()) as { route: string; trace: { account: { accountName: string } } };
    expect(decision.route).toBe('abm');
    expect(decision.trace.account.accountName).toBe('Global Tech Inc');
    expect(firstRequestMs).toBeLessThan(1_000);

    const student = await runtime.dispatchFetch('http://localhost/route', { method: 'POST', body: JSON.stringify({ email: 'a@b.io', title: 'Student' }) });
    expect(((await student.json()) as { route: string }).route).toBe('disqualified');
    const bad = await runtime.dispatchFetch('http://localhost/route', { method: 'POST', body: 'nope' });
    expect(bad.status).toBe(400);
    await response.waitUntil();
  });
});

describe('CSV example', () => {
  const teams = dataFile('crm-sales-teams.csv');

  it.skipIf(!teams.present)('routes a CSV by region (needs crm-sales-teams.csv in NETSPEAR_DATA)', async () => {
    const { routeCsv } = await import('../../examples/serverless/route-csv.js');
    const folder = mkdtempSync(join(tmpdir(), 'netspear-csv-'));
    const leadsPath = join(folder, 'leads.csv');
    const regions = ['Central', 'East', 'West'];
    const rows = ['id,email,title,companySize,visitedPricingPage,downloadedAssets,region'];
    for (let i = 0; i < 90; i++) rows.push(`lead-${i},person${i}@company${i}.io,VP Sales,400,true,,${regions[i % 3]}`);
    rows.push('lead-x,"Jane, ""JD"" Doe <jane@globaltechinc.com>",CTO,10,false,,East');
    rows.push('lead-y,not an email,Student,,,,West');
    writeFileSync(leadsPath, `${rows.join('\n')}\n`);

    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    const summary = await routeCsv(leadsPath, teams.path as string, output);
    expect(summary).toEqual({ leads: 92, failed: 0 });
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('id,email,route,reason,assignee,assignment_reason');
    expect(lines).toHaveLength(93);
    const sales = lines.slice(1, 91).map((line) => line.split(','));
    expect(sales.every((cells) => cells[2] === 'sales')).toBe(true);
    const teamRows = readFileSync(teams.path as string, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    const officeOf = new Map(teamRows.map(([agent, , office]) => [agent, office]));
    sales.forEach((cells, i) => expect(officeOf.get(cells[4])).toBe(regions[i % 3]));
    expect(lines[91]).toContain(',abm,target_account,');
    expect(lines[92]).toContain(',disqualified,title,');
  });
});
