import { fc } from '@fast-check/vitest';
import { accountIndex, atLeast, containsAnyWord, includesAny, isTrue, scorecard, type Timers } from 'netspear';

/** A lead as a web form delivers it: any field may be missing or of the wrong type. */
export interface Lead {
  email?: unknown;
  title?: unknown;
  companySize?: unknown;
  downloadedAssets?: unknown;
  visitedPricingPage?: unknown;
  region?: unknown;
  id?: unknown;
}

export const card = scorecard<Lead>({
  rules: [
    { id: 'title', when: containsAnyWord('title', ['Engineer', 'Developer', 'CTO']), points: 20 },
    { id: 'size', when: atLeast('companySize', 51), points: 15 },
    { id: 'api-docs', when: includesAny('downloadedAssets', ['api_documentation.pdf']), points: 30 },
    { id: 'pricing', when: isTrue('visitedPricingPage'), points: 25 },
  ],
  mqlThreshold: 75,
});

export const accountList = [
  { id: 'acc-1', name: 'Global Tech Inc', domains: ['globaltechinc.com'], owner: 'rep-1' },
  { id: 'acc-2', name: 'Fintech Innovators', domains: ['fintechinnovators.com'], owner: 'rep-9' },
];

export const accounts = accountIndex(accountList);

/** A lead that scores 90: an MQL at the threshold of 75. */
export const engaged: Lead = {
  email: 'dev@example.com',
  title: 'Senior Engineer',
  companySize: 250,
  downloadedAssets: ['api_documentation.pdf'],
  visitedPricingPage: true,
};

/** Any lead, clean or dirty. */
export const anyLead = fc.record(
  {
    email: fc.oneof(
      fc.constantFrom('a@globaltechinc.com', 'b@sub.fintechinnovators.com', 'c@gmail.com', 'd@other.io', 'Select', ''),
      fc.emailAddress(),
      fc.anything(),
    ),
    title: fc.oneof(fc.constantFrom('CTO', 'Senior Engineer', 'Student', 'Select'), fc.anything()),
    companySize: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(Number.NaN), fc.anything()),
    downloadedAssets: fc.oneof(fc.constant(['api_documentation.pdf']), fc.array(fc.string()), fc.anything()),
    visitedPricingPage: fc.oneof(fc.boolean(), fc.anything()),
  },
  { requiredKeys: [] },
);

/** What a hook may do, from behaving to hanging forever. */
export type HookBehaviour = 'ok' | 'async-ok' | 'throw' | 'reject' | 'throw-null' | 'garbage' | 'bad-thenable' | 'hang' | 'mutate';

export const anyBehaviour = fc.constantFrom<HookBehaviour>(
  'ok',
  'async-ok',
  'throw',
  'reject',
  'throw-null',
  'garbage',
  'bad-thenable',
  'hang',
  'mutate',
);

/** Builds a hook with the given behaviour. */
export function hookOf(behaviour: HookBehaviour) {
  return (decision: unknown): unknown => {
    switch (behaviour) {
      case 'async-ok':
        return Promise.resolve('done');
      case 'throw':
        throw new Error('hook failed');
      case 'throw-null':
        throw null;
      case 'reject':
        return Promise.reject(new Error('hook rejected'));
      case 'garbage':
        return { then: 42, route: 'sales' };
      case 'bad-thenable':
        return {
          get then() {
            throw new Error('then getter failed');
          },
        };
      case 'hang':
        return new Promise(() => undefined);
      case 'mutate':
        (decision as { route: string }).route = 'sales';
        return undefined;
      default:
        return undefined;
    }
  };
}

/**
 * Timers whose every timeout fires on the next macrotask, whatever its delay: a hook that
 * settles within microtasks wins, and a hook that never settles is cut off at once.
 */
export function instantTimers(): Timers & { readonly fired: () => number } {
  let fired = 0;
  const cancelled = new Set<unknown>();
  return {
    setTimeout: (callback) => {
      const handle = {};
      setImmediate(() => {
        if (cancelled.has(handle)) return;
        fired++;
        callback();
      });
      return handle;
    },
    clearTimeout: (handle) => {
      cancelled.add(handle);
    },
    fired: () => fired,
  };
}

/** A fixed clock, so that timings are the same in every run. */
export const fixedClock = (): number => 1_767_225_600_000;
