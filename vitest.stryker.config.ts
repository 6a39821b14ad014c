import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The test configuration Stryker runs (stryker.config.mjs): the usual one, with a fixed
// fast-check seed so that property tests keep their names between runs. Test files of one run
// share a module cache, so that each mutant does not load every file's imports again (each
// identity test file loads the public-suffix data).
export default mergeConfig(
  base,
  defineConfig({ test: { setupFiles: ['test/support/fixed-seed.ts'], isolate: false } }),
);
