import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The test configuration Stryker runs (stryker.config.mjs): the usual one, with a fixed
// fast-check seed so that property tests keep their names between runs.
export default mergeConfig(base, defineConfig({ test: { setupFiles: ['test/support/fixed-seed.ts'] } }));
