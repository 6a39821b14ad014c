// The Standard Schema v1 interface (https://standardschema.dev), copied as its specification
// asks implementers to do, so that netspear accepts zod, valibot, arktype and any other
// conforming validator without depending on any of them.

/** A validator that implements Standard Schema v1, as zod 4, valibot and arktype do. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  /** The properties every Standard Schema validator exposes. */
  export interface Props<Input = unknown, Output = Input> {
    /** The version of the Standard Schema specification. */
    readonly version: 1;
    /** The library that implements the validator, such as `zod`. */
    readonly vendor: string;
    /** Validates a value, synchronously or asynchronously. */
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    /** The inferred types of the validator, for type inference only. */
    readonly types?: Types<Input, Output> | undefined;
  }

  /** The result of a validation. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;

  /** A successful validation, with the (possibly transformed) value. */
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }

  /** A failed validation, with its issues. */
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }

  /** One validation problem. */
  export interface Issue {
    readonly message: string;
    /** The location of the problem in the value, as keys and indexes. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }

  /** A path segment given as an object. */
  export interface PathSegment {
    readonly key: PropertyKey;
  }

  /** The input and output types of a validator. */
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }

  /** The input type of a validator. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];

  /** The output type of a validator. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}
