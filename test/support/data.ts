import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where a real data file is, or why a test that needs it is skipped. */
export interface DataFile {
  /** The absolute path, when the file is present. */
  readonly path: string | undefined;
  readonly present: boolean;
  /** Why the file is absent, naming the file and the NETSPEAR_DATA variable; empty when present. */
  readonly reason: string;
}

/**
 * Locates a file in the folder named by NETSPEAR_DATA and warns, naming the file, when it is
 * absent, so a test can `it.skipIf(!file.present)` and never pass silently.
 */
export function dataFile(name: string): DataFile {
  const folder = process.env['NETSPEAR_DATA'];
  if (folder === undefined || folder.trim() === '') {
    const reason = `NETSPEAR_DATA is not set, so ${name} cannot be found`;
    console.warn(`Skipping tests that need ${name}: ${reason}.`);
    return { path: undefined, present: false, reason };
  }
  const path = resolve(join(folder, name));
  if (!existsSync(path)) {
    const reason = `${name} not found at ${path} (NETSPEAR_DATA=${folder})`;
    console.warn(`Skipping tests that need ${name}: ${reason}.`);
    return { path: undefined, present: false, reason };
  }
  return { path, present: true, reason: '' };
}
