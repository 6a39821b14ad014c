import { describe, expectTypeOf, it } from 'vitest';
import { abmStep, accountIndex, createRouter, defineStep, disqualifyStep, mqlStep, scorecard, type Decision } from 'netspear';

const card = scorecard({ rules: [], mqlThreshold: 50 });
const accounts = accountIndex([{ id: 'a', name: 'A', domains: ['a.com'] }]);

describe('route name inference', () => {
  it('infers the default routes', () => {
    const router = createRouter({ accounts, scorecard: card });
    expectTypeOf(router.decide({}).route).toEqualTypeOf<'abm' | 'sales' | 'nurture'>();
  });

  it('infers routes from steps and fallback', async () => {
    const partner = defineStep({ id: 'partner', routes: ['partner'], run: () => undefined });
    const router = createRouter({ steps: [disqualifyStep(), abmStep(), partner, mqlStep(card, { route: 'sdr' })], fallback: 'nurture' });
    expectTypeOf((await router.route({})).route).toEqualTypeOf<'disqualified' | 'abm' | 'partner' | 'sdr' | 'nurture'>();
    expectTypeOf<Decision<'abm'>['route']>().toEqualTypeOf<'abm'>();
  });

  it('accepts hooks for existing routes', () => {
    createRouter({ steps: [abmStep()], fallback: 'nurture', hooks: { abm: () => undefined, nurture: () => undefined, afterRoute: () => undefined } });
  });

  it('rejects a hook for a missing route', () => {
    // @ts-expect-error: 'sales' is not a route of this graph, which has only abm and nurture.
    createRouter({ steps: [abmStep()], fallback: 'nurture', hooks: { sales: () => undefined } });
  });

  it('rejects a misspelt default route', () => {
    // @ts-expect-error: the default graph has the route 'sales', not 'salse'.
    createRouter({ accounts, scorecard: card, hooks: { salse: () => undefined } });
  });

  it('rejects an assigner for a missing route', () => {
    const assigner = () => ({ assignee: null, method: 'none', reason: '', turn: null, skipped: [] });
    // @ts-expect-error: 'partner' is not a route of this graph.
    createRouter({ steps: [abmStep()], fallback: 'nurture', assign: { partner: assigner } });
  });

  it('types the hook decision by route', () => {
    createRouter({
      steps: [abmStep()],
      fallback: 'nurture',
      hooks: {
        abm: (decision) => {
          expectTypeOf(decision.route).toEqualTypeOf<'abm' | 'nurture'>();
        },
      },
    });
  });
});
