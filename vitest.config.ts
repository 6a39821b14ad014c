import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const reportFile = process.env['NETSPEAR_TEST_REPORT'];

export default defineConfig({
  resolve: {
    // Tests and examples import the package by name, as users do; point it at the source.
    alias: [
      { find: /^netspear$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^netspear\/([a-z-]+)$/, replacement: fileURLToPath(new URL('./src/$1/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test.json',
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: reportFile ? ['default', 'json'] : ['default'],
    ...(reportFile ? { outputFile: { json: reportFile } } : {}),
  },
});
