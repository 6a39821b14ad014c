import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, root, run } from './helpers.js';

// Installs the packed tarball into a fresh project, as a user would, and uses it three ways.
let project = '';

const usage = `
const card = netspear.scorecard({
  rules: [{ id: 'pricing', when: netspear.isTrue('visitedPricingPage'), points: 30 }],
  mqlThreshold: 30,
});
const result = card.score({ visitedPricingPage: true });
if (result.total !== 30 || result.tier !== 'mql') throw new Error('unexpected score ' + JSON.stringify(result));
console.log('ok ' + result.tier);
`;

beforeAll(() => {
  requireBuild();
  project = mkdtempSync(join(tmpdir(), 'netspear-smoke-'));
  const packed = run('npm', ['pack', '--pack-destination', project, '--silent']);
  expect(packed.status, packed.output).toBe(0);
  const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'));
  expect(tarball).toBeDefined();

  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true, version: '0.0.0' }));
  const installed = run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', `./${tarball}`],
    project,
  );
  expect(installed.status, installed.output).toBe(0);
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('packed tarball', () => {
  it('imports through ESM', () => {
    writeFileSync(join(project, 'use.mjs'), `import * as netspear from 'netspear';\n${usage}`);
    const result = run(process.execPath, ['use.mjs'], project);
    expect(result.output).toContain('ok mql');
    expect(result.status).toBe(0);
  });

  it('loads through require', () => {
    writeFileSync(join(project, 'use.cjs'), `const netspear = require('netspear');\n${usage}`);
    const result = run(process.execPath, ['use.cjs'], project);
    expect(result.output).toContain('ok mql');
    expect(result.status).toBe(0);
  });

  it.each([
    ['module', 'use-esm.mts'],
    ['commonjs', 'use-cjs.cts'],
  ])('compiles under node16 as %s', (_kind, file) => {
    const dir = join(project, `ts-${file.replace(/\W/g, '-')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, file),
      `import { scorecard, isTrue, type ScoreResult } from 'netspear';
const card = scorecard({ rules: [{ id: 'pricing', when: isTrue('visitedPricingPage'), points: 30 }], mqlThreshold: 30 });
const result: ScoreResult<'mql' | 'nurture'> = card.score({ visitedPricingPage: true });
// @ts-expect-error a tier that the scorecard does not define
const wrong: 'cold' = result.tier;
export { result, wrong };
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          types: [],
          typeRoots: [join(project, 'node_modules', '@types')],
        },
        files: [file],
      }),
    );
    // Resolve 'netspear' from the smoke project's node_modules, one folder up.
    const result = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], project);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
