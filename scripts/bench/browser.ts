import { chromium } from "@playwright/test";
import type { BenchRow } from "./report";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/**
 * First-load JavaScript of a page: the bytes a fresh browser downloads for script resources
 * (as transferred, i.e. gzipped by `next start`), counted by Chromium's network events.
 */
export async function benchFirstLoadJs(baseUrl: string, paths: { name: string; path: string }[]): Promise<BenchRow[]> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const rows: BenchRow[] = [];
  try {
    for (const p of paths) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const scripts = new Set<string>();
      let bytes = 0;
      cdp.on("Network.responseReceived", (e) => {
        if (e.type === "Script") scripts.add(e.requestId);
      });
      cdp.on("Network.loadingFinished", (e) => {
        if (scripts.has(e.requestId)) bytes += e.encodedDataLength;
      });
      await page.goto(baseUrl + p.path, { waitUntil: "networkidle" });
      const kb = bytes / 1024;
      rows.push({ area: "first-load JS", measure: p.name, value: kb, unit: "KB gz", target: "≤ 115 KB", ok: kb <= 115 });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
