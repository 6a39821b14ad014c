// Time from a fresh process to a router ready to route: importing the built package, building
// the account index and the scorecard, and routing the first lead. This is the work a new AWS
// Lambda or Cloudflare Worker instance does before its first request. Needs `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const child = `
const t0 = performance.now();
const n = await import(${JSON.stringify(`${root}dist/index.js`)});
const t1 = performance.now();
const accounts = n.accountIndex(Array.from({ length: 200 }, (_, i) => ({ id: 'a' + i, name: 'Account ' + i, domains: ['account' + i + '.com'] })));
const card = n.scorecard({ rules: [{ id: 'pricing', when: n.isTrue('visitedPricingPage'), points: 80 }], mqlThreshold: 75 });
const router = n.createRouter({ accounts, scorecard: card });
const t2 = performance.now();
const decision = await router.route({ email: 'someone@account7.com', visitedPricingPage: true });
const t3 = performance.now();
if (decision.route !== 'abm') throw new Error('unexpected route ' + decision.route);
console.log(JSON.stringify({ importMs: t1 - t0, buildMs: t2 - t1, firstRouteMs: t3 - t2 }));
`;

interface Sample {
  readonly importMs: number;
  readonly buildMs: number;
  readonly firstRouteMs: number;
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function run(): Promise<BenchSection> {
  if (!existsSync(`${root}dist/index.js`)) throw new Error('dist/index.js is missing: run `npm run build` first');
  const samples: Sample[] = [];
  for (let i = 0; i < 15; i++) {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
    samples.push(JSON.parse(output) as Sample);
  }
  const importMs = median(samples.map((s) => s.importMs));
  const buildMs = median(samples.map((s) => s.buildMs));
  const firstRouteMs = median(samples.map((s) => s.firstRouteMs));
  const markdown = [
    'Median of 15 fresh Node processes, each importing `dist/index.js`, building an index of 200 accounts and a scorecard, and routing one lead.',
    '',
    '| phase | milliseconds |',
    '|---|---:|',
    `| import the package | ${importMs.toFixed(2)} |`,
    `| build index, scorecard and router | ${buildMs.toFixed(2)} |`,
    `| route the first lead | ${firstRouteMs.toFixed(2)} |`,
    `| ready and routed | ${(importMs + buildMs + firstRouteMs).toFixed(2)} |`,
  ].join('\n');
  return { title: 'Cold start', markdown };
}
