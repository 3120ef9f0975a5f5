import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Tailwind silently drops a class whose colour does not exist: a link in "brand-300" rendered in
// the inherited colour, unreadable on the dark background. Every brand shade used must be defined.
const root = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(tsx?|css)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe("the brand palette", () => {
  it("defines every brand shade the code uses", () => {
    const css = readFileSync(path.join(root, "app/globals.css"), "utf8");
    const defined = new Set([...css.matchAll(/--color-brand-(\d+):/g)].map((m) => m[1]));
    const missing: string[] = [];
    for (const file of ["app", "components", "lib"].flatMap((d) => sources(path.join(root, d)))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bbrand-(\d+)\b/g)) {
        if (!defined.has(m[1]!)) missing.push(`${path.relative(root, file)}: brand-${m[1]}`);
      }
    }
    expect(defined.size).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
