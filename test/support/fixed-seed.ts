import { fc } from '@fast-check/vitest';

// @fast-check/vitest puts the seed in each property's test name ("… (with seed=123)"). Stryker
// selects the tests that cover a mutant by the names it saw in its first run, so a new random
// seed per run renames every property and Stryker skips them all. A fixed seed keeps the names.
fc.configureGlobal({ seed: Number(process.env['FAST_CHECK_SEED'] ?? 20_240_101) });
