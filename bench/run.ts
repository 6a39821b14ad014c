// Runs the benchmark suites (bench/*.bench.ts) and records each one's section in
// docs/benchmarks.md, replacing only the sections of the suites that ran.
//
//   npm run bench              all suites
//   npm run bench -- scoring   only the suites whose file name contains "scoring"
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { environment, type BenchSection } from './harness.js';

const folder = fileURLToPath(new URL('.', import.meta.url));
const page = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const filter = process.argv[2];
const suites = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filter === undefined || name.includes(filter))
  .sort();

const header = `# Benchmarks

Written by \`npm run bench\`. Every throughput is the median of timed rounds after warm-up, and
every ratio compares contenders measured in the same run of the same process, so ratios carry
over between machines better than raw throughputs do. Each section names the machine it ran on.
`;

let text = existsSync(page) ? readFileSync(page, 'utf8') : header;
const machine = await environment();

for (const name of suites) {
  const id = name.replace(/\.bench\.ts$/, '');
  console.log(`running bench/${name}`);
  const suite = (await import(pathToFileURL(`${folder}${name}`).href)) as { run: () => Promise<BenchSection> };
  const section = await suite.run();
  console.log(`\n## ${section.title}\n\n${section.markdown}\n`);

  const block = `<!-- bench:${id} -->\n## ${section.title}\n\n_Measured on ${machine}, ${new Date().toISOString().slice(0, 10)}._\n\n${section.markdown.trim()}\n<!-- /bench:${id} -->`;
  const pattern = new RegExp(`<!-- bench:${id} -->[\\s\\S]*?<!-- /bench:${id} -->`);
  text = pattern.test(text) ? text.replace(pattern, () => block) : `${text.trimEnd()}\n\n${block}\n`;
}

writeFileSync(page, text);
console.log(`updated ${page}`);
