import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

export type BenchRow = {
  area: string;
  measure: string;
  value: number | null;
  unit: string;
  /** Human-readable target, e.g. "< 2 s" */
  target?: string;
  /** true met, false missed, null no target / not measured */
  ok: boolean | null;
  note?: string;
};

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median wall time in ms of `runs` calls, after `warmup` calls. */
export async function timeMedian(fn: () => unknown, runs = 25, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const fmt = (v: number | null, unit: string) => (v === null ? "—" : `${v >= 100 ? Math.round(v).toLocaleString("en-US") : v.toFixed(v >= 10 ? 1 : 2)} ${unit}`.trim());

export function renderTable(rows: BenchRow[]): string {
  const lines = ["| area | measure | result | target | |", "|---|---|---|---|---|"];
  for (const r of rows) {
    const verdict = r.ok === null ? "" : r.ok ? "✅ met" : "❌ MISSED";
    lines.push(`| ${r.area} | ${r.measure}${r.note ? ` (${r.note})` : ""} | ${fmt(r.value, r.unit)} | ${r.target ?? ""} | ${verdict} |`);
  }
  return lines.join("\n");
}

export function writeBenchmarksMd(rows: BenchRow[], extra: string): void {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const md = `# Benchmarks

Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}),
${Math.round(os.totalmem() / 2 ** 30)} GiB memory, Node ${process.version}, PostgreSQL started by the benchmark.
Load average when the run ended: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min): numbers taken on a busy
machine are pessimistic; rerun on a quiet one.
Every number is a median of several runs; a target that was missed says so.

${renderTable(rows)}

${extra}
`;
  writeFileSync("BENCHMARKS.md", md);
}

const TABLE_START = "<!-- bench-table:start -->";
const TABLE_END = "<!-- bench-table:end -->";

/** The README with the text between its benchmark-table markers replaced (unchanged without them). */
export function withBenchTable(readme: string, body: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + TABLE_START.length)}\n${body.trim()}\n${readme.slice(end)}`;
}

/** The README shows the latest full run's table too (the notes stay in BENCHMARKS.md). */
export function writeReadmeTable(rows: BenchRow[]): void {
  const readme = readFileSync("README.md", "utf8");
  const when = `From the latest full run (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores); what the misses mean is in [BENCHMARKS.md](BENCHMARKS.md).`;
  writeFileSync("README.md", withBenchTable(readme, `${when}\n\n${renderTable(rows)}`));
}
