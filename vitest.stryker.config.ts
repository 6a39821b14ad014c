import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The test configuration Stryker runs (stryker.config.mjs): the usual one, with a fixed
// fast-check seed so that property tests keep their names between runs, and one module cache
// shared by the test files of a run, so that each mutant does not load every file's imports
// again (identity's tests each load the public-suffix data).
export default mergeConfig(
  base,
  defineConfig({ test: { setupFiles: ['test/support/fixed-seed.ts'], isolate: false } }),
);
