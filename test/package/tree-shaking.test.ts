// Bundles one import from the built core entry point, as an application bundler would, and checks
// that code from unrelated parts of the library was left out. The bundle is not minified, so
// the names of the functions it kept can be searched for.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { requireBuild, root } from './helpers.js';

/** Bundles `import { names } from 'dist/index.js'` and returns the code. */
async function bundleOf(names: readonly string[]): Promise<string> {
  requireBuild();
  const result = await build({
    stdin: {
      contents: `import { ${names.join(', ')} } from './dist/index.js';\nconsole.log(${names.join(', ')});\n`,
      resolveDir: root,
      sourcefile: 'entry.mjs',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * Returns the names, out of `names`, that the code declares as a function, class or variable.
 * esbuild appends a digit to a name that collides, and strings or comments may mention a
 * name without its code, so only declarations count.
 */
function namesIn(code: string, names: readonly string[]): string[] {
  return names.filter((name) => new RegExp(`\\b(?:function\\*?|class|var|let|const)\\s+${name}\\d*\\b`).test(code));
}

const ROUTER = ['createRouter', 'describeError'];
const IDENTITY = ['accountIndex', 'matchAccount', 'parseEmail', 'createEmailClassifier', 'isFreeMailDomain'];
const ICP = ['filterAccounts'];
const SCORING = ['scorecard'];
const STRATEGY = ['recommendStrategy'];

describe('single-import bundles', () => {
  it('scorecard leaves out other parts', async () => {
    const code = await bundleOf(['scorecard']);

    expect(namesIn(code, ['scorecard'])).toEqual(['scorecard']);
    expect(namesIn(code, [...ROUTER, ...IDENTITY, ...ICP, ...STRATEGY])).toEqual([]);
  });

  it('icp leaves out other parts', async () => {
    const code = await bundleOf(['icp', 'filterAccounts']);

    expect(namesIn(code, ICP)).toEqual(ICP);
    expect(namesIn(code, [...ROUTER, ...IDENTITY, ...SCORING, ...STRATEGY])).toEqual([]);
  });

  it('createRouter leaves out other parts', async () => {
    const code = await bundleOf(['createRouter']);

    expect(namesIn(code, ['createRouter'])).toEqual(['createRouter']);
    expect(namesIn(code, [...ICP, ...SCORING, ...STRATEGY])).toEqual([]);
  });

  it('a predicate operator stays small', async () => {
    const code = await bundleOf(['isTrue']);

    expect(namesIn(code, [...ROUTER, ...IDENTITY, ...ICP, ...SCORING, ...STRATEGY, 'compilePredicate'])).toEqual([]);
  });

  it('core bundle contains no zod', async () => {
    requireBuild();
    const result = await build({
      stdin: { contents: "export * from './dist/index.js';\n", resolveDir: root, sourcefile: 'entry.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    const code = result.outputFiles[0]?.text ?? '';

    expect(inputs.filter((input) => input.includes('node_modules'))).toEqual([]);
    expect(code).not.toMatch(/\bzod\b|\bZod[A-Z]\w*|\$Zod/);
  });
});
