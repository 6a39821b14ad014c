// Mutation testing with Stryker 9 and its vitest runner: `npm run test:mutation`.
// It mutates src/ except generated data (*.generated.ts) and re-export files (index.ts), and runs
// the unit tests that cover each mutant. Set STRYKER_AREA to a folder of src/, such as
// `STRYKER_AREA=predicate npm run test:mutation`, to mutate that folder and run only the
// matching test/ folder, which takes minutes instead of the whole suite's hours.
const area = process.env.STRYKER_AREA;
if (area !== undefined && !/^[a-z-]+$/.test(area)) {
  throw new Error(`STRYKER_AREA must name a folder of src/, such as predicate; received ${JSON.stringify(area)}`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // vitest.stryker.config.ts fixes the fast-check seed: a property test's name contains its seed.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  // Unit and property tests only: the package, documentation and example tests need a build,
  // a browser or subprocesses, and exercise src/ through them too slowly to run per mutant.
  testFiles: area === undefined ? ['test/!(package|docs|examples)/**/*.test.ts'] : [`test/${area}/**/*.test.ts`],
  mutate: [area === undefined ? 'src/**/*.ts' : `src/${area}/**/*.ts`, '!src/**/*.generated.ts', '!src/**/index.ts'],
  ignorePatterns: ['dist', 'docs/api', '.docs-test', 'reports', 'coverage'],
  // Mutants in module-level constants need a fresh module per test; skipping them keeps runs short.
  ignoreStatic: true,
  // Stryker adds `// @ts-nocheck` to the files it copies. Generated files keep their text, so
  // the test that compares them with their generators still passes.
  disableTypeChecks: '{test,src,lib}/**/!(*.generated).{js,ts,jsx,tsx,html,vue,cts,mts}',
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
