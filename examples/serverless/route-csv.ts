// Routes the leads of a CSV file and writes one CSV row per decision, streaming both ways, so
// files of any size fit in constant memory. Reps and their territories come from a team CSV
// with the columns sales_agent and regional_office, such as crm-sales-teams.csv.
//
//   npx tsx --tsconfig tsconfig.test.json examples/serverless/route-csv.ts LEADS.csv TEAMS.csv > decisions.csv
import { createReadStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { memoryStore, routeMany, type Rep } from 'netspear';
import { buildRouter, type FormLead } from './router.js';

/** Reads reps from a team CSV: one rep per `sales_agent`, covering its `regional_office`. */
export async function readReps(path: string): Promise<Rep[]> {
  const reps: Rep[] = [];
  for await (const row of createReadStream(path).pipe(parse({ columns: true, trim: true })) as AsyncIterable<Record<string, string>>) {
    const id = row['sales_agent'];
    const office = row['regional_office'];
    if (id === undefined || id === '' || office === undefined) throw new Error(`${path}: a row lacks sales_agent or regional_office`);
    reps.push({ id, territories: [office] });
  }
  return reps;
}

/** Quotes a CSV field when it needs it. */
const field = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Routes every lead of `leadsPath` and writes `id,email,route,reason,assignee,assignment_reason` rows to `output`. */
export async function routeCsv(leadsPath: string, teamsPath: string, output: Writable): Promise<{ leads: number; failed: number }> {
  const router = buildRouter({ store: memoryStore(), reps: await readReps(teamsPath) });
  const leads = createReadStream(leadsPath).pipe(parse({ columns: true, trim: true })) as AsyncIterable<FormLead>;
  const write = (line: string): Promise<void> =>
    new Promise((resolve) => {
      // Waiting for 'drain' when the buffer is full passes backpressure from the output back to routeMany.
      if (output.write(`${line}\n`)) resolve();
      else output.once('drain', resolve);
    });
  await write('id,email,route,reason,assignee,assignment_reason');
  let count = 0;
  let failed = 0;
  for await (const result of routeMany(router, leads, { concurrency: 16 })) {
    count++;
    const lead = result.lead;
    if (!result.ok) {
      failed++;
      await write([lead.id, lead.email, '', `error: ${result.error.message}`, '', ''].map(field).join(','));
      continue;
    }
    const { decision } = result;
    await write([lead.id, lead.email, decision.route, decision.reason, decision.assignment?.assignee, decision.assignment?.reason].map(field).join(','));
  }
  return { leads: count, failed };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [leadsPath, teamsPath] = process.argv.slice(2);
  if (leadsPath === undefined || teamsPath === undefined) {
    console.error('usage: route-csv.ts LEADS.csv TEAMS.csv  (leads need an email column; region picks the territory)');
    process.exit(2);
  }
  const { leads, failed } = await routeCsv(leadsPath, teamsPath, process.stdout);
  console.error(`routed ${leads} leads, ${failed} failed`);
}
