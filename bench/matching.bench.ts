// Lead-to-account matching: 1,000,000 accounts indexed and 1,000,000 emails matched, each as a
// ratio to a plain Map keyed by the raw lower-cased domain, which is the floor for any matcher.
import { accountIndex, matchAccount, matchLead, type AccountLike } from 'netspear';
import { publicSuffixList } from '../src/public-suffix/index.js';
import { getHeapStatistics } from 'node:v8';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { measure, ratioTable, type BenchSection } from './harness.js';

/** Size in bytes of one import from the public-suffix entry, bundled, minified and gzipped at level 9. */
async function importSize(name: string): Promise<number> {
  const entry = new URL('../src/public-suffix/index.ts', import.meta.url).pathname;
  const result = await build({
    stdin: { contents: `import { ${name} } from ${JSON.stringify(entry)}; console.log(${name});`, resolveDir: '.', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}

const ACCOUNTS = Number(process.env["NETSPEAR_BENCH_ACCOUNTS"] ?? 1_000_000);
const EMAILS = ACCOUNTS;

/**
 * Heap in MiB that the suite needs per million accounts: an estimate from a peak resident size
 * of 5.1 GB at 1,000,000 accounts (Node 20.20, Linux x64). With less, V8 can run out of heap
 * midway, and the process then ends without a result.
 */
const HEAP_MIB_PER_MILLION_ACCOUNTS = 6144;

/** Throws before any work when `ACCOUNTS` is not a count, or Node's heap limit is too small for it. */
function checkHeapLimit(): void {
  if (!Number.isSafeInteger(ACCOUNTS) || ACCOUNTS < 1) {
    throw new Error(`NETSPEAR_BENCH_ACCOUNTS must be a positive whole number, but it is ${JSON.stringify(process.env["NETSPEAR_BENCH_ACCOUNTS"])}.`);
  }
  const limit = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  const needed = Math.ceil((ACCOUNTS / 1_000_000) * HEAP_MIB_PER_MILLION_ACCOUNTS);
  if (limit < needed) {
    throw new Error(
      `bench/matching.bench.ts needs about ${needed} MiB of heap for ${ACCOUNTS} accounts, but Node's heap limit is ${limit} MiB. ` +
        'Run it as NODE_OPTIONS=--max-old-space-size=8192 npm run bench -- matching, or set NETSPEAR_BENCH_ACCOUNTS to fewer accounts.',
    );
  }
}
const SUFFIXES = ['com', 'co.uk', 'de', 'io', 'com.au'];

function makeAccounts(): AccountLike[] {
  return Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: `acc_${i}`,
    name: `Company ${i} Inc`,
    domains: [`company${i}.${SUFFIXES[i % SUFFIXES.length]}`],
  }));
}

/** Emails at account domains, a tenth at subdomains, in a shuffled but fixed order. */
function makeEmails(): string[] {
  return Array.from({ length: EMAILS }, (_, i) => {
    const account = (i * 7919) % ACCOUNTS;
    const host = `company${account}.${SUFFIXES[account % SUFFIXES.length]}`;
    return i % 10 === 0 ? `Lead.${i}@mail.${host}` : `lead.${i}@${host}`;
  });
}

export async function run(): Promise<BenchSection> {
  checkHeapLimit();
  const accounts = makeAccounts();
  const emails = makeEmails();
  const list = publicSuffixList();

  const buildMap = (): Map<string, AccountLike> => {
    const map = new Map<string, AccountLike>();
    for (const account of accounts) map.set((account.domains[0] ?? '').toLowerCase(), account);
    return map;
  };
  const map = buildMap();
  const plain = accountIndex(accounts);
  const withList = accountIndex(accounts, { publicSuffix: list });

  // The floor looks up the raw domain only, so for subdomain emails it walks up like the matcher does.
  const mapLookup = (email: string): AccountLike | undefined => {
    let domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    for (;;) {
      const found = map.get(domain);
      if (found !== undefined) return found;
      const dot = domain.indexOf('.');
      if (dot === -1) return undefined;
      domain = domain.slice(dot + 1);
    }
  };

  // Every contender must find the same accounts before anything is timed.
  for (const email of emails.slice(0, 20_000)) {
    const expected = mapLookup(email);
    const results = [matchAccount(plain, email), matchAccount(withList, email), matchLead(withList, { email })];
    for (const result of results) {
      if (!result.matched || result.account !== expected) throw new Error(`contenders disagree on ${email}`);
    }
  }

  const options = { rounds: 3, warmup: 1 };
  const matchAll = (find: (email: string) => unknown) => () => {
    let found = 0;
    for (const email of emails) if (find(email) !== undefined) found += 1;
    return found;
  };

  const buildFloor = measure('Map of raw lower-cased domains', ACCOUNTS, buildMap, options);
  const builds = [
    measure('accountIndex', ACCOUNTS, () => accountIndex(accounts), options),
    measure('accountIndex with Public Suffix List', ACCOUNTS, () => accountIndex(accounts, { publicSuffix: list }), options),
  ];

  const matchFloor = measure('Map.get on the raw lower-cased domain', EMAILS, matchAll(mapLookup), options);
  const matches = [
    measure('matchAccount', EMAILS, matchAll((email) => matchAccount(plain, email)), options),
    measure('matchAccount with Public Suffix List', EMAILS, matchAll((email) => matchAccount(withList, email)), options),
    measure('matchLead (email only)', EMAILS, matchAll((email) => matchLead(withList, { email })), options),
  ];

  const pslSize = await importSize('registrableDomain');
  const disposableSize = await importSize('disposableEmailDomains');
  const matchRatios = matches.map((row) => (matchFloor.opsPerSecond / row.opsPerSecond).toFixed(1)).join('×, ');
  return {
    title: 'Lead-to-account matching',
    markdown: `${ACCOUNTS.toLocaleString('en-US')} accounts (one domain each, across com, co.uk, de, io and com.au) and ${EMAILS.toLocaleString('en-US')} emails at their domains, one in ten at a subdomain. The goal is matching within 4× the time of the plain Map lookup. The suite needs about 6 GiB of heap: run it as \`NODE_OPTIONS=--max-old-space-size=8192 npm run bench -- matching\`.

**Indexing** (accounts per second):

${ratioTable(buildFloor, builds)}

**Matching** (emails per second):

${ratioTable(matchFloor, matches)}

Time per email relative to the Map lookup: ${matchRatios}×.

**Size of \`netspear/public-suffix\`** (one import, bundled with esbuild, minified, gzip -9): \`registrableDomain\` ${pslSize.toLocaleString('en-US')} bytes, which is almost all Public Suffix List data; \`disposableEmailDomains\` ${disposableSize.toLocaleString('en-US')} bytes.`,
  };
}
