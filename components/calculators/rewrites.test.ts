import { describe, expect, it } from "vitest";
import nextConfig, { CALCULATOR_QUERY_KEYS } from "../../next.config.mjs";
import { DISPLAY_COOKIE } from "@/lib/account/display-cookie";
import { calculatorList, calculatorUrl, defaultValues } from "./meta";

// The plain calculator pages are prerendered; a URL carrying any input must reach the per-request
// page instead, or a shared link would silently show the example loan.
describe("calculator link rewrites", () => {
  it("covers every field of every calculator", () => {
    for (const c of calculatorList) for (const f of c.fields) expect(CALCULATOR_QUERY_KEYS, `${c.slug}.${f.name}`).toContain(f.name);
  });

  it("sends every shareable result URL to the per-request page", async () => {
    const rewrites = await nextConfig.rewrites!();
    const rules = (Array.isArray(rewrites) ? rewrites : rewrites.beforeFiles) ?? [];
    for (const c of calculatorList) {
      const url = new URL(calculatorUrl(c.type, defaultValues(c.type)), "http://x");
      const hit = rules.find((r) => r.source === "/calculators/:calculator" && r.has?.some((h) => h.type === "query" && url.searchParams.has(h.key)));
      expect(hit?.destination, c.slug).toBe("/calculators/:calculator/shared");
    }
  });

  it("keeps the router's refresh of a per-request page on that page", async () => {
    const rewrites = await nextConfig.rewrites!();
    const rules = (Array.isArray(rewrites) ? rewrites : rewrites.beforeFiles) ?? [];
    const hit = rules.find((r) => r.source === "/calculators/:calculator" && r.has?.some((h) => h.type === "header" && h.key === "next-router-state-tree"));
    expect(hit?.destination).toBe("/calculators/:calculator/shared");
    const tree = hit!.has!.find((h) => h.key === "next-router-state-tree")!;
    // Next matches `value` as an anchored regular expression against the header (URI-encoded JSON).
    const matches = (state: unknown) => new RegExp(`^${tree.value}$`).test(encodeURIComponent(JSON.stringify(state)));
    expect(matches(["", { children: ["calculators", { children: [["calculator", "monthly-payment", "d"], { children: ["shared", { children: ["__PAGE__", {}] }] }] }] }])).toBe(true);
    expect(matches(["", { children: ["calculators", { children: [["calculator", "monthly-payment", "d"], { children: ["__PAGE__", {}] }] }] }])).toBe(false);
  });

  it("renders the plain page per request for a browser with the display cookie, page loads only", async () => {
    const rewrites = await nextConfig.rewrites!();
    const rules = (Array.isArray(rewrites) ? rewrites : rewrites.beforeFiles) ?? [];
    const hit = rules.find((r) => r.source === "/calculators/:calculator" && r.has?.some((h) => h.type === "cookie" && h.key === DISPLAY_COOKIE));
    expect(hit?.destination).toBe("/calculators/:calculator/shared");
    // The router's own requests keep the prerendered page, as for the query rules.
    expect(hit?.missing).toEqual([{ type: "header", key: "rsc" }]);
  });
});
