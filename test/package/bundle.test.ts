import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { requireBuild, root } from './helpers.js';

const builtFiles = ['dist/index.js', 'dist/index.cjs'];

describe('built output', () => {
  it('bundles for the browser platform', async () => {
    requireBuild();
    // esbuild fails on any `node:` or built-in import when the platform is the browser.
    const result = await build({
      entryPoints: [`${root}/dist/index.js`],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]?.text.length).toBeGreaterThan(0);
  });

  it.each(builtFiles)('%s imports nothing outside dist', (file) => {
    requireBuild();
    const code = readFileSync(`${root}/${file}`, 'utf8');
    const imports = [...code.matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
    expect(imports.filter((specifier) => !specifier?.startsWith('./'))).toEqual([]);
  });

  it.each(builtFiles)('%s never evaluates code', (file) => {
    requireBuild();
    const code = readFileSync(`${root}/${file}`, 'utf8');
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/\bnew\s+Function\s*\(/);
  });

  it.each(['dist/index.d.ts', 'dist/index.d.cts'])('%s needs no type-fest', (file) => {
    requireBuild();
    expect(readFileSync(`${root}/${file}`, 'utf8')).not.toContain('type-fest');
  });

  it('has no runtime dependencies', () => {
    expect(Object.keys((pkg as { dependencies?: object }).dependencies ?? {})).toEqual([]);
  });
});
