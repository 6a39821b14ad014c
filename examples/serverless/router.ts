// The router the serverless examples share: target accounts to ABM, disqualified leads out,
// MQLs to sales with round robin by region, everyone else to nurture.
import {
  abmStep,
  accountIndex,
  accountStep,
  assignment,
  atLeast,
  containsAnyWord,
  createRouter,
  disqualifyStep,
  includesAny,
  isTrue,
  mqlStep,
  scorecard,
  type Rep,
  type RouterStore,
} from 'netspear';

/** A lead as the web form posts it. */
export interface FormLead {
  id?: string;
  email?: unknown;
  title?: unknown;
  companySize?: unknown;
  downloadedAssets?: unknown;
  visitedPricingPage?: unknown;
  region?: unknown;
}

export const leadScorecard = scorecard<FormLead>({
  parseStrings: true,
  rules: [
    { id: 'title', when: containsAnyWord('title', ['Engineer', 'Developer', 'CTO', 'VP', 'Director']), points: 20 },
    { id: 'size', when: atLeast('companySize', 51), points: 15 },
    { id: 'api-docs', when: includesAny('downloadedAssets', ['api_documentation.pdf']), points: 30 },
    { id: 'pricing', when: isTrue('visitedPricingPage'), points: 25 },
  ],
  mqlThreshold: 60,
});

export const targetAccounts = accountIndex([
  { id: 'acc-1', name: 'Global Tech Inc', domains: ['globaltechinc.com'] },
  { id: 'acc-2', name: 'Fintech Innovators', domains: ['fintechinnovators.com'] },
]);

/** Three sales reps, one per regional office. */
export const defaultReps: readonly Rep[] = [
  { id: 'Agent 01', territories: ['Central'] },
  { id: 'Agent 12', territories: ['East'] },
  { id: 'Agent 24', territories: ['West'] },
];

/** Builds the example router. `store` keeps the round-robin state, which is a key-value service in production. */
export function buildRouter(options: { readonly store?: RouterStore; readonly reps?: readonly Rep[]; readonly clock?: () => number } = {}) {
  const sales = assignment<FormLead>({
    reps: options.reps ?? defaultReps,
    territory: ({ lead }) => lead.region,
    fallback: 'queue:sales',
    duplicates: true,
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return createRouter({
    steps: [
      accountStep<FormLead>(targetAccounts),
      disqualifyStep<FormLead>({ competitorDomains: ['rival.example'], titleWords: ['student', 'intern'] }),
      abmStep<FormLead>(),
      mqlStep(leadScorecard),
    ],
    fallback: 'nurture',
    assign: { sales },
    version: 'serverless-example-1',
    timeoutMs: 2_000,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
}
