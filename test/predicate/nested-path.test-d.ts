import { describe, expectTypeOf, it } from 'vitest';
import type { FieldPath, NestedPath } from 'netspear';

interface Lead {
  email: string;
  tags: string[];
  company: { name: string; address?: { country: string }; foundedOn: Date };
}

describe('NestedPath', () => {
  it('stops at the depth given', () => {
    expectTypeOf<NestedPath<Lead, 1>>().toEqualTypeOf<
      'email' | 'tags' | 'company' | 'company.name' | 'company.address' | 'company.foundedOn'
    >();
    expectTypeOf<'company.address'>().toExtend<NestedPath<Lead, 1>>();
    // @ts-expect-error 'company.address.country' has three segments, and depth 1 allows two.
    expectTypeOf<'company.address.country'>().toExtend<NestedPath<Lead, 1>>();
  });

  it('does not enter arrays or dates', () => {
    // @ts-expect-error arrays are leaves, so 'tags.length' is no path.
    expectTypeOf<'tags.length'>().toExtend<NestedPath<Lead, 4>>();
    // @ts-expect-error dates are leaves, so 'company.foundedOn.getTime' is no path.
    expectTypeOf<'company.foundedOn.getTime'>().toExtend<NestedPath<Lead, 4>>();
  });

  it('is FieldPath at depth 4', () => {
    expectTypeOf<NestedPath<Lead, 4>>().toEqualTypeOf<FieldPath<Lead>>();
  });
});
