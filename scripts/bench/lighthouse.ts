import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
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
      for (let i = 0; i < runs; i++) reports.push(await lighthouse(baseUrl + p.path, preset));
      const score = median(reports.map((r) => (r.categories.performance.score ?? 0) * 100));
      const metric = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
      const note = `FCP ${(metric("first-contentful-paint") / 1000).toFixed(1)} s, LCP ${(metric("largest-contentful-paint") / 1000).toFixed(1)} s, TBT ${metric("total-blocking-time").toFixed(0)} ms, CLS ${metric("cumulative-layout-shift").toFixed(3)}, SI ${(metric("speed-index") / 1000).toFixed(1)} s; median of ${runs}`;
      rows.push({ area: "lighthouse", measure: `${p.name}, ${preset}: performance score`, value: score, unit: "", target: "≥ 95", ok: score >= 95, note });
    }
  }
  return rows;
}
