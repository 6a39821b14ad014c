// Shared timing helpers for `npm run bench`. Each suite measures netspear and its peers in
// the same process and run, and reports ratios, so machine speed cancels out.

/** One measured contender. */
export interface Measurement {
  readonly name: string;
  /** Operations (leads, companies, emails) per second: the median of the timed rounds. */
  readonly opsPerSecond: number;
}

/** A section of docs/benchmarks.md, written by one suite. */
export interface BenchSection {
  readonly title: string;
  readonly markdown: string;
}

/** Options for {@link measure}. */
export interface MeasureOptions {
  /** Timed rounds; the median is reported. Default 5. */
  readonly rounds?: number;
  /** Untimed rounds first, so the JIT has compiled the code. Default 2. */
  readonly warmup?: number;
}

/**
 * Times `work`, which processes `operations` items per call, and returns the median throughput.
 * `work` returns a value that is kept, so the engine cannot drop the computation.
 */
export function measure(name: string, operations: number, work: () => unknown, options: MeasureOptions = {}): Measurement {
  const rounds = options.rounds ?? 5;
  const warmup = options.warmup ?? 2;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = work();
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    sink = work();
    const seconds = (performance.now() - start) / 1000;
    rates.push(operations / seconds);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  rates.sort((a, b) => a - b);
  return { name, opsPerSecond: rates[Math.floor(rates.length / 2)] ?? 0 };
}

/** Formats measurements as a Markdown table with each throughput as a ratio to the baseline. */
export function ratioTable(baseline: Measurement, rows: readonly Measurement[]): string {
  const lines = ['| contender | items per second | ratio to baseline |', '|---|---:|---:|'];
  for (const row of [baseline, ...rows]) {
    const ratio = row.opsPerSecond / baseline.opsPerSecond;
    lines.push(`| ${row.name} | ${Math.round(row.opsPerSecond).toLocaleString('en-US')} | ${ratio.toFixed(ratio < 0.01 ? 4 : 2)}× |`);
  }
  return lines.join('\n');
}

/** Describes the machine and runtime a benchmark ran on, for the record. */
export async function environment(): Promise<string> {
  const os = await import('node:os');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}`;
}
