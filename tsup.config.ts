import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    learn: 'src/learn/index.ts',
    sql: 'src/sql/index.ts',
    interop: 'src/interop/index.ts',
    'public-suffix': 'src/public-suffix/index.ts',
    metrics: 'src/metrics/index.ts',
    schema: 'src/schema/index.ts',
  },
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  dts: {
    // Inline type-fest so consumers never need it installed to read our types.
    resolve: true,
    // tsup injects `baseUrl`, which TypeScript 6 deprecates (TS5101).
    compilerOptions: { ignoreDeprecations: '6.0' },
  },
  clean: true,
  sourcemap: false,
  treeshake: true,
  // Shared code between entry points goes into chunks instead of being copied into each.
  splitting: true,
});
