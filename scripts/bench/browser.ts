import { chromium } from "@playwright/test";
import type { BenchRow } from "./report";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/** The scripts a page's HTML loads itself (module scripts; the legacy noModule polyfills are skipped by modern browsers). */
function initialScripts(html: string, baseUrl: string): Set<string> {
  const urls = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g) ?? []) {
    if (/\bnoModule\b/i.test(tag)) continue;
    urls.add(new URL(tag.match(/\bsrc="([^"]+)"/)![1]!.replace(/&amp;/g, "&"), baseUrl).href);
  }
  return urls;
}

/**
 * First-load JavaScript of a page: the gzipped bytes (as transferred by `next start`) of the
 * scripts its HTML loads, counted from Chromium's network events on a cold load. Scripts fetched
 * afterwards — the lazily loaded charts, the code of linked pages Next prefetches — are counted
 * apart, as is the part every page shares (React, the Next runtime, the root layout).
 */
export async function benchFirstLoadJs(baseUrl: string, paths: { name: string; path: string }[]): Promise<BenchRow[]> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const rows: BenchRow[] = [];
  const perPage: Map<string, number>[] = [];
  try {
    for (const p of paths) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const scripts = new Map<string, string>();
      const sizes = new Map<string, number>();
      // The page's own HTML (the same for every visitor: these pages are prerendered).
      const html = await (await fetch(baseUrl + p.path)).text();
      cdp.on("Network.responseReceived", (e) => {
        if (e.type === "Script") scripts.set(e.requestId, e.response.url);
      });
      cdp.on("Network.loadingFinished", (e) => {
        const url = scripts.get(e.requestId);
        if (url) sizes.set(url, e.encodedDataLength);
      });
      await page.goto(baseUrl + p.path, { waitUntil: "load" });
      await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
      const initial = initialScripts(html, baseUrl);
      let first = 0;
      let later = 0;
      const mine = new Map<string, number>();
      for (const [url, bytes] of sizes) {
        if (initial.has(url)) {
          first += bytes;
          mine.set(url, bytes);
        } else later += bytes;
      }
      perPage.push(mine);
      const kb = first / 1024;
      rows.push({
        area: "first-load JS",
        measure: p.name,
        value: kb,
        unit: "KB gz",
        target: "≤ 115 KB",
        ok: kb <= 115,
        note: `${initial.size} scripts; ${(later / 1024).toFixed(0)} KB more after the page (lazy charts, prefetched links)`,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const shared = [...(perPage[0] ?? new Map<string, number>())].filter(([url]) => perPage.every((m) => m.has(url)));
  const sharedKb = shared.reduce((sum, [, bytes]) => sum + bytes, 0) / 1024;
  rows.push({ area: "first-load JS", measure: "of which shared by every page (React, Next runtime, root layout)", value: sharedKb, unit: "KB gz", ok: null });
  return rows;
}
