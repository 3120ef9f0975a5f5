import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { median, type BenchRow } from "./report";

const run = promisify(execFile);

/** Installed by scripts/bench.sh beside the project (not a dependency of the app or its tests). */
export const LIGHTHOUSE_BIN = ".bench-tools/node_modules/.bin/lighthouse";

type Report = {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number }>;
  runtimeError?: { message: string };
};

async function lighthouse(url: string, preset: "mobile" | "desktop"): Promise<Report> {
  const args = [
    url,
    "--quiet",
    "--output=json",
    "--only-categories=performance",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  const { stdout } = await run(LIGHTHOUSE_BIN, args, { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stdout) as Report;
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.message}`);
  return report;
}

/** Share of the machine's CPU time spent busy over the next `ms`. */
async function cpuBusyShare(ms: number): Promise<number> {
  const sample = () => os.cpus().reduce((acc, c) => ({ idle: acc.idle + c.times.idle, total: acc.total + Object.values(c.times).reduce((a, b) => a + b, 0) }), { idle: 0, total: 0 });
  const a = sample();
  await sleep(ms);
  const b = sample();
  return 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
}

/**
 * Waits (at most `maxMs`) until the machine is quiet: Lighthouse's blocking time is the phone's
 * main thread simulated from this host's, so work left over from the runs before it (the
 * server collecting garbage, PostgreSQL's autovacuum after the saving route's inserts) would be
 * counted against the page. Returns the busy share it settled at.
 */
async function waitForQuietCpu(maxMs = 120_000, busyBelow = 0.15): Promise<number> {
  const until = Date.now() + maxMs;
  let busy = await cpuBusyShare(2_000);
  while (busy >= busyBelow && Date.now() < until) busy = await cpuBusyShare(2_000);
  return busy;
}

/**
 * Lighthouse's performance score (its default mobile run: a mid-range phone on slow 4G, simulated,
 * and the desktop preset), median of `runs`, with the metrics behind it.
 */
export async function benchLighthouse(baseUrl: string, paths: { name: string; path: string }[], runs = 3): Promise<BenchRow[]> {
  if (!existsSync(LIGHTHOUSE_BIN)) return [{ area: "lighthouse", measure: "not installed (scripts/bench.sh installs it)", value: 0, unit: "", ok: false }];
  const rows: BenchRow[] = [];
  for (const p of paths) {
    for (const preset of ["mobile", "desktop"] as const) {
      const reports: Report[] = [];
      const busy: number[] = [];
      for (let i = 0; i < runs; i++) {
        busy.push(await waitForQuietCpu());
        reports.push(await lighthouse(baseUrl + p.path, preset));
      }
      const score = median(reports.map((r) => (r.categories.performance.score ?? 0) * 100));
      const metric = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
      const note = `FCP ${(metric("first-contentful-paint") / 1000).toFixed(1)} s, LCP ${(metric("largest-contentful-paint") / 1000).toFixed(1)} s, TBT ${metric("total-blocking-time").toFixed(0)} ms, CLS ${metric("cumulative-layout-shift").toFixed(3)}, SI ${(metric("speed-index") / 1000).toFixed(1)} s; median of ${runs}, each started with the host's CPU ${Math.round(Math.max(...busy) * 100)} % busy or less`;
      rows.push({ area: "lighthouse", measure: `${p.name}, ${preset}: performance score`, value: score, unit: "", target: "≥ 95", ok: score >= 95, note });
    }
  }
  return rows;
}
