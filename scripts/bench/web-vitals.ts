import { chromium, type Page } from "@playwright/test";
import { median, type BenchRow } from "./report";

// Core Web Vitals without Lighthouse: Chromium's own PerformanceObserver entries, read after
// a cold load in a fresh context. Approximations of Lighthouse's lab numbers:
// - LCP: the last largest-contentful-paint entry before the page went idle.
// - CLS: the largest session window of layout shifts (≤ 1 s gaps, ≤ 5 s windows) not caused by input.
// - TBT: the sum of (duration − 50 ms) of long tasks after first contentful paint, until idle.
// Median of `runs` loads per page, 1280×800 like Lighthouse's desktop preset (no throttling by
// default; pass cpuSlowdown: 4 for its mobile CPU). No network throttling: these numbers are
// script and render cost, not the network. The TBT window runs to the end of the measurement
// (idle + 1 s), a little longer than Lighthouse's FCP→TTI, so it errs high.

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

type Vitals = { lcp: number; cls: number; tbt: number };

// Installed before any page script runs, so buffered entries from the very start are seen.
const OBSERVE = `(() => {
  const v = { lcp: 0, shifts: [], longTasks: [], fcp: 0 };
  window.__vitals = v;
  const on = (type, fn) => { try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {} };
  on("largest-contentful-paint", (e) => { v.lcp = e.renderTime || e.loadTime || e.startTime; });
  on("layout-shift", (e) => { if (!e.hadRecentInput) v.shifts.push({ t: e.startTime, value: e.value }); });
  on("longtask", (e) => { v.longTasks.push({ t: e.startTime, d: e.duration }); });
  on("paint", (e) => { if (e.name === "first-contentful-paint") v.fcp = e.startTime; });
})();`;

async function readVitals(page: Page): Promise<Vitals> {
  return page.evaluate(() => {
    type Raw = { lcp: number; fcp: number; shifts: { t: number; value: number }[]; longTasks: { t: number; d: number }[] };
    const v = (window as unknown as { __vitals: Raw }).__vitals;
    let cls = 0;
    let window_ = 0;
    let start = -Infinity;
    let last = -Infinity;
    for (const s of v.shifts) {
      if (s.t - last > 1000 || s.t - start > 5000) {
        window_ = 0;
        start = s.t;
      }
      window_ += s.value;
      last = s.t;
      cls = Math.max(cls, window_);
    }
    const tbt = v.longTasks.filter((t) => t.t + t.d > v.fcp).reduce((sum, t) => sum + Math.max(0, t.d - 50), 0);
    return { lcp: v.lcp, cls, tbt };
  });
}

export type VitalsPath = string | { name: string; path: string };

/** LCP, CLS and TBT rows (BenchRow) for each path, measured in headless Chromium against `baseUrl`. */
export async function measureWebVitals(
  baseUrl: string,
  paths: VitalsPath[],
  opts: { runs?: number; cpuSlowdown?: number; viewport?: { width: number; height: number } } = {},
): Promise<BenchRow[]> {
  const runs = opts.runs ?? 3;
  const cpuSlowdown = opts.cpuSlowdown ?? 1;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const rows: BenchRow[] = [];
  try {
    for (const p of paths) {
      const { name, path } = typeof p === "string" ? { name: p, path: p } : p;
      const samples: Vitals[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        if (cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
        await page.addInitScript(OBSERVE);
        await page.goto(baseUrl + path, { waitUntil: "load" });
        // Bounded: /rates leaves its unread 401 from /api/rates/me open, so it never goes idle.
        await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => {});
        // LCP is final once the user interacts; a short settle lets late shifts and tasks land.
        await page.waitForTimeout(1000);
        samples.push(await readVitals(page));
        await context.close();
      }
      const note = `median of ${runs}${cpuSlowdown > 1 ? `, CPU ${cpuSlowdown}× slower` : ""}`;
      const lcp = median(samples.map((s) => s.lcp));
      const cls = median(samples.map((s) => s.cls));
      const tbt = median(samples.map((s) => s.tbt));
      rows.push(
        { area: "web vitals", measure: `${name} LCP`, value: lcp, unit: "ms", target: "≤ 2500 ms", ok: lcp > 0 ? lcp <= 2500 : null, note },
        { area: "web vitals", measure: `${name} CLS`, value: cls, unit: "", target: "≤ 0.1", ok: cls <= 0.1, note },
        { area: "web vitals", measure: `${name} TBT (approx.)`, value: tbt, unit: "ms", target: "≤ 200 ms", ok: tbt <= 200, note },
      );
    }
  } finally {
    await browser.close();
  }
  return rows;
}
