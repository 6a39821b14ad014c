import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Fails with a clear message when `npm run build` has not produced `dist/`. */
export function requireBuild(): void {
  if (!existsSync(`${root}/dist/index.js`) || !existsSync(`${root}/dist/index.cjs`)) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` builds before it tests)');
  }
}

/** The result of a command run to completion. */
export interface CommandResult {
  readonly status: number;
  readonly output: string;
}

/** Runs a command and returns its exit status with stdout and stderr combined. */
export function run(command: string, args: readonly string[], cwd = root): CommandResult {
  try {
    const output = execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failed.status ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** Returns the path of a binary installed in the repository's node_modules. */
export function bin(name: string): string {
  return `${root}/node_modules/.bin/${name}`;
}
