import { describe, expect, it } from 'vitest';
import { bin, requireBuild, run } from './helpers.js';

describe('package metadata', () => {
  it('passes publint --strict', () => {
    requireBuild();
    const result = run(bin('publint'), ['--strict']);
    expect(result.output).not.toMatch(/\b(error|warning|suggestion)\b/i);
    expect(result.status).toBe(0);
  });

  it('passes attw --pack', () => {
    requireBuild();
    const result = run(bin('attw'), ['--pack', '.', '--format', 'ascii']);
    expect(result.output).toContain('No problems found');
    expect(result.status).toBe(0);
  });
});
