// Routes LEADS leads (default 10,000,000) from an async generator through routeMany and
// prints the heap after every tenth, to show that memory stays constant. Run with:
//
//   node --expose-gc --import tsx/esm bench/routing-memory.ts [LEADS]
//
// (tsx needs `--tsconfig tsconfig.test.json` in TSX_TSCONFIG_PATH to resolve 'netspear'.)
import { accountIndex, assignment, atLeast, createRouter, isTrue, memoryStore, routeMany, scorecard } from 'netspear';

interface Lead {
  email: string;
  companySize: number;
  visitedPricingPage: boolean;
  region: string;
}

const total = Number(process.argv[2] ?? 10_000_000);
const regions = ['Central', 'East', 'West'];

async function* leads(): AsyncGenerator<Lead> {
  for (let i = 0; i < total; i++) {
    yield { email: `person${i}@company${i % 5000}.io`, companySize: i % 500, visitedPricingPage: i % 3 === 0, region: regions[i % 3] as string };
  }
}

const card = scorecard<Lead>({
  rules: [
    { id: 'size', when: atLeast('companySize', 100), points: 40 },
    { id: 'pricing', when: isTrue('visitedPricingPage'), points: 40 },
  ],
  mqlThreshold: 75,
});
const router = createRouter({
  accounts: accountIndex(Array.from({ length: 200 }, (_, i) => ({ id: `acc-${i}`, name: `Company ${i}`, domains: [`company${i}.io`] }))),
  scorecard: card,
  assign: {
    sales: assignment<Lead>({
      reps: Array.from({ length: 30 }, (_, i) => ({ id: `rep-${i}`, territories: [regions[i % 3] as string] })),
      territory: ({ lead }) => lead.region,
      store: memoryStore(),
    }),
  },
  hooks: { afterRoute: () => undefined },
});

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): string => {
  gc?.();
  return (process.memoryUsage().heapUsed / 1_048_576).toFixed(1);
};

const routes: Record<string, number> = {};
const step = Math.max(1, Math.floor(total / 10));
const started = performance.now();
console.log(`leads 0: heap ${heapMb()} MB${gc === undefined ? ' (run with --expose-gc for exact figures)' : ''}`);
let done = 0;
for await (const result of routeMany(router, leads(), { concurrency: 16 })) {
  if (result.ok) routes[result.decision.route] = (routes[result.decision.route] ?? 0) + 1;
  done++;
  if (done % step === 0) console.log(`leads ${done.toLocaleString('en-US')}: heap ${heapMb()} MB`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`routed ${done.toLocaleString('en-US')} leads in ${seconds.toFixed(0)} s (${Math.round(done / seconds).toLocaleString('en-US')} per second): ${JSON.stringify(routes)}`);
