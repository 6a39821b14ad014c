// Throughput of the router's phases on the same leads: the pure decision, routing with no
// hooks, with one hook (each hook gets a timer and an AbortController), with round-robin
// assignment, and in a batch through routeMany. The 10,000,000-lead memory run is
// bench/routing-memory.ts.
import { accountIndex, assignment, atLeast, createRouter, isTrue, memoryStore, routeMany, scorecard } from 'netspear';
import { ratioTable, type BenchSection, type Measurement } from './harness.js';

interface Lead {
  email: string;
  companySize: number;
  visitedPricingPage: boolean;
}

const LEADS = 20_000;

/** Times an async `work` over `operations` items and returns the median of `rounds` runs. */
async function measureAsync(name: string, operations: number, work: () => Promise<unknown>, rounds = 5): Promise<Measurement> {
  await work();
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    rates.push(operations / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { name, opsPerSecond: rates[Math.floor(rates.length / 2)] ?? 0 };
}

export async function run(): Promise<BenchSection> {
  const leads: Lead[] = Array.from({ length: LEADS }, (_, i) => ({
    email: `person${i}@company${i % 5000}.io`,
    companySize: i % 500,
    visitedPricingPage: i % 3 === 0,
  }));
  const card = scorecard<Lead>({
    rules: [
      { id: 'size', when: atLeast('companySize', 100), points: 40 },
      { id: 'pricing', when: isTrue('visitedPricingPage'), points: 40 },
    ],
    mqlThreshold: 75,
  });
  const accounts = accountIndex(Array.from({ length: 200 }, (_, i) => ({ id: `acc-${i}`, name: `Company ${i}`, domains: [`company${i}.io`] })));
  const plain = createRouter({ accounts, scorecard: card });
  const hooked = createRouter({ accounts, scorecard: card, hooks: { afterRoute: () => undefined } });
  const assigned = createRouter({
    accounts,
    scorecard: card,
    assign: { sales: assignment<Lead>({ reps: Array.from({ length: 10 }, (_, i) => ({ id: `rep-${i}` })), store: memoryStore() }) },
  });

  // Every contender must give every lead the same route before any timing counts.
  const expected = leads.map((lead) => plain.decide(lead).route);
  for (const router of [plain, hooked, assigned]) {
    for (let i = 0; i < leads.length; i++) {
      const route = (await router.route(leads[i] as Lead)).route;
      if (route !== expected[i]) throw new Error(`routing bench: lead ${i} took ${route}, expected ${expected[i]}`);
    }
  }

  const routeAll = (router: typeof plain) => async () => {
    for (const lead of leads) await router.route(lead);
  };
  const baseline = await measureAsync('decide (pure, sync)', LEADS, async () => leads.map((lead) => plain.decide(lead).route));
  const rows = [
    await measureAsync('route, no hooks', LEADS, routeAll(plain)),
    await measureAsync('route, one hook', LEADS, routeAll(hooked)),
    await measureAsync('route, round-robin assignment', LEADS, routeAll(assigned)),
    await measureAsync('routeMany, one hook, concurrency 16', LEADS, async () => {
      for await (const result of routeMany(hooked, leads, { concurrency: 16 })) if (!result.ok) throw new Error(result.error.message);
    }),
  ];
  return {
    title: 'Routing',
    markdown: `${LEADS.toLocaleString('en-US')} synthetic leads, 200 target accounts, two scoring rules.\n\n${ratioTable(baseline, rows)}`,
  };
}
