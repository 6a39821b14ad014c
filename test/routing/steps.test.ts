import { describe, expect, it, vi } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { abmStep, accountStep, createRouter, defineStep, disqualifyStep, equals, mqlStep, nurtureStep } from 'netspear';
import { accountList, anyLead, card, engaged, type Lead } from './fixtures.js';

const graph = () =>
  createRouter({
    steps: [
      accountStep<Lead>(accountList),
      disqualifyStep<Lead>({ competitorDomains: ['rival.com'], disposableDomains: ['mailinator.com'], titleWords: ['student', 'intern'], when: equals('region', 'Embargoed') }),
      abmStep<Lead>(),
      mqlStep(card, { threshold: 80 }),
    ],
    fallback: 'nurture',
  });

describe('custom graph', () => {
  it('claims with the first matching step', () => {
    const router = graph();
    expect(router.decide({ email: 'cto@globaltechinc.com', title: 'Student' })).toMatchObject({ route: 'disqualified', reason: 'title', step: 'disqualify' });
    expect(router.decide({ email: 'cto@globaltechinc.com' })).toMatchObject({ route: 'abm', step: 'abm' });
    expect(router.decide(engaged)).toMatchObject({ route: 'sales', step: 'mql' });
  });

  it('sends unclaimed leads to the fallback', () => {
    const decision = graph().decide({ email: 'x@other.io' });
    expect(decision).toMatchObject({ route: 'nurture', reason: 'fallback', step: null });
    expect(decision.trace.score).toBe(0);
  });

  it('disqualifies competitors and their subdomains', () => {
    expect(graph().decide({ email: 'spy@eu.rival.com' })).toMatchObject({ route: 'disqualified', reason: 'competitor' });
  });

  it('disqualifies disposable mailboxes', () => {
    expect(graph().decide({ email: 'x@Mailinator.com' })).toMatchObject({ route: 'disqualified', reason: 'disposable_email' });
  });

  it('disqualifies by predicate', () => {
    expect(graph().decide({ email: 'x@other.io', region: 'Embargoed' })).toMatchObject({ route: 'disqualified', reason: 'predicate' });
    expect(graph().decide({ email: 'x@other.io' }).route).toBe('nurture');
  });

  it('matches title words whole', () => {
    expect(graph().decide({ email: 'x@other.io', title: 'Internal Auditor' }).route).toBe('nurture');
  });

  it('lists every route', () => {
    expect(graph().routes).toEqual(['disqualified', 'abm', 'sales', 'nurture']);
  });

  it('sends a throwing step to the fallback', async () => {
    const broken = defineStep<Lead, 'vip'>({
      id: 'vip',
      routes: ['vip'],
      run: () => {
        throw new Error('lookup failed');
      },
    });
    const vip = vi.fn();
    const router = createRouter({ steps: [broken, nurtureStep()], fallback: 'review', hooks: { vip } });
    const decision = await router.route({});
    expect(decision).toMatchObject({ route: 'review', reason: 'step_failed', step: null });
    expect(decision.steps).toEqual([{ step: 'vip', status: 'error', error: { name: 'Error', message: 'lookup failed' } }]);
    expect(vip).not.toHaveBeenCalled();
  });

  it('rejects a claim outside the step’s routes', () => {
    const liar = defineStep<Lead, 'a'>({ id: 'liar', routes: ['a'], run: () => ({ route: 'b' as 'a', reason: 'x', summary: 'y' }) });
    const garbage = defineStep<Lead, 'a'>({ id: 'garbage', routes: ['a'], run: () => 42 as never });
    expect(createRouter({ steps: [liar], fallback: 'f' }).decide({})).toMatchObject({ route: 'f', reason: 'step_failed' });
    expect(createRouter({ steps: [garbage], fallback: 'f' }).decide({})).toMatchObject({ route: 'f', reason: 'step_failed' });
  });

  it('passes findings to later steps', () => {
    const enrich = defineStep<Lead>({ id: 'enrich', routes: [], run: () => ({ facts: { segment: 'enterprise' }, note: 'enriched' }) });
    const bySegment = defineStep<Lead, 'enterprise'>({
      id: 'segment',
      routes: ['enterprise'],
      run: ({ facts }) => (facts['segment'] === 'enterprise' ? { route: 'enterprise', reason: 'segment', summary: 'enterprise segment' } : undefined),
    });
    const decision = createRouter({ steps: [enrich, bySegment], fallback: 'other' }).decide({});
    expect(decision.route).toBe('enterprise');
    expect(decision.trace.facts).toEqual({ segment: 'enterprise' });
    expect(decision.steps[0]).toEqual({ step: 'enrich', status: 'passed', note: 'enriched' });
  });

  it('renames the MQL and nurture routes', () => {
    const router = createRouter({ steps: [mqlStep(card, { route: 'sdr' }), nurtureStep('drip')], fallback: 'drip' });
    expect(router.decide(engaged).route).toBe('sdr');
    expect(router.decide({}).route).toBe('drip');
  });

  it('rejects reserved route names', () => {
    expect(() => createRouter({ steps: [], fallback: 'afterRoute' })).toThrow(/reserved/);
    expect(() => createRouter({ steps: [nurtureStep('__proto__')], fallback: 'x' })).toThrow(/reserved/);
  });

  it('rejects invalid step options', () => {
    expect(() => defineStep({ id: '', routes: [], run: () => undefined })).toThrow(/defineStep: id/);
    expect(() => disqualifyStep({ competitorDomains: ['not a domain'] })).toThrow(/competitorDomains\[0\]/);
    expect(() => disqualifyStep({ titleWords: [''] })).toThrow(/titleWords/);
    expect(() => mqlStep({} as never)).toThrow(/mqlStep: scorecard/);
    expect(() => abmStep({ icp: {} as never })).toThrow(/abmStep: icp/);
    expect(() => createRouter({ steps: [{}] as never, fallback: 'x' })).toThrow(/createRouter: steps/);
    expect(() => createRouter({ steps: [], fallback: '' as string })).toThrow(/createRouter: fallback/);
  });

  it('rejects hybrid options with steps', () => {
    const options = { steps: [mqlStep(card)], fallback: 'nurture', mqlThreshold: 80 };
    expect(() => createRouter(options)).toThrow(
      'createRouter: mqlThreshold: unknown option mqlThreshold; with steps, pass it to accountStep, abmStep or mqlStep',
    );
  });

  it('rejects a top-level hook with steps', () => {
    const options = { steps: [mqlStep(card)], fallback: 'nurture', deadLetter: () => undefined };
    expect(() => createRouter(options)).toThrow('createRouter: deadLetter: unknown option deadLetter; hooks go in hooks: { deadLetter }');
  });
});

describe('custom graph properties', () => {
  test.prop([anyLead])('every lead gets one known route', (lead) => {
    const router = graph();
    const decision = router.decide(lead);
    expect(router.routes).toContain(decision.route);
    expect(decision.steps.filter((step) => step.status === 'claimed').length).toBeLessThanOrEqual(1);
  });

  test.prop([fc.anything()])('any value as a lead gets a route', (lead) => {
    expect(graph().routes).toContain(graph().decide(lead as Lead).route);
  });
});

describe('accountStep by company name', () => {
  interface FormLead {
    email?: unknown;
    company?: unknown;
  }
  const byName = (minConfidence?: number) =>
    createRouter({
      steps: [accountStep<FormLead>(accountList, { companyField: 'company', ...(minConfidence === undefined ? {} : { minConfidence }) }), abmStep<FormLead>()],
      fallback: 'nurture',
    });

  it('matches a free-mail lead by name', () => {
    const decision = byName().decide({ email: 'jane@gmail.com', company: 'Global Tech, Inc.' });
    expect(decision.route).toBe('abm');
    expect(decision.trace.account).toMatchObject({ matched: true, accountId: 'acc-1', via: 'name', confidence: 0.8 });
  });

  it('keeps domain matches first', () => {
    const decision = byName().decide({ email: 'cto@globaltechinc.com', company: 'Fintech Innovators' });
    expect(decision.trace.account).toMatchObject({ matched: true, accountId: 'acc-1', via: 'domain', matchedDomain: 'globaltechinc.com' });
  });

  it('rejects a fuzzy name by default', () => {
    const decision = byName().decide({ email: 'jane@gmail.com', company: 'Global Tec' });
    expect(decision.route).toBe('nurture');
    expect(decision.trace.account).toMatchObject({ matched: false, code: 'low_confidence' });
  });

  it('accepts a fuzzy name when allowed', () => {
    const decision = byName(0.5).decide({ email: 'jane@gmail.com', company: 'Global Tec' });
    expect(decision.trace.account).toMatchObject({ matched: true, via: 'fuzzy_name', accountId: 'acc-1' });
  });

  it('without companyField ignores the name', () => {
    const router = createRouter({ steps: [accountStep<FormLead>(accountList), abmStep<FormLead>()], fallback: 'nurture' });
    expect(router.decide({ email: 'jane@gmail.com', company: 'Global Tech, Inc.' }).route).toBe('nurture');
  });

  it.each([1.5, -0.1, Number.NaN, '0.8'])('rejects minConfidence %s', (minConfidence) => {
    expect(() => accountStep(accountList, { companyField: 'company', minConfidence: minConfidence as number })).toThrow(
      expect.objectContaining({ name: 'NetspearConfigError', path: 'minConfidence' }),
    );
  });

  test.prop([anyLead, fc.option(fc.constantFrom('Global Tech, Inc.', 'Global Tec', 'Fintech Innovators', 'Select', ''), { nil: undefined })])(
    'every lead gets one route',
    (lead, company) => {
      const decision = byName(0.5).decide({ ...lead, company });
      expect(['abm', 'nurture']).toContain(decision.route);
    },
  );
});
