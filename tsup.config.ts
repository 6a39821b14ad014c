import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
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
  splitting: false,
});
