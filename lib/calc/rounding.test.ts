import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fromCents, roundCents, roundRatePercent, roundTo, toCents } from "./index";

describe("rounding helpers", () => {
  it("round half away from zero on the printed decimal value", () => {
    expect(roundCents(1.005)).toBe(1.01); // Math.round(1.005 * 100) / 100 would give 1
    expect(roundCents(-1.005)).toBe(-1.01);
    expect(roundCents(2026.741239303523)).toBe(2026.74);
    expect(roundCents(364631.6686521732)).toBe(364631.67);
    expect(roundCents(1e-7)).toBe(0);
    expect(roundCents(1e21)).toBe(1e21);
    expect(roundRatePercent(2.809018487880942)).toBe(2.809);
    expect(roundTo(0.0004999, 3)).toBe(0);
  });

  it("never return -0", () => {
    expect(Object.is(roundCents(-0.001), 0)).toBe(true);
    expect(Object.is(toCents(-0.001), 0)).toBe(true);
  });

  it("convert dollars to whole cents and back", () => {
    expect(toCents(364631.66)).toBe(36463166);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents(-12.345)).toBe(-1235);
    expect(fromCents(36463166)).toBe(364631.66);
  });

  it("pass NaN and Infinity through (callers reject them before rounding)", () => {
    expect(roundCents(NaN)).toBeNaN();
    expect(roundCents(Infinity)).toBe(Infinity);
  });
});

describe("lib/calc stays framework-free", () => {
  it("imports nothing but its own files and zod", () => {
    const dir = __dirname;
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
      const source = readFileSync(path.join(dir, file), "utf8");
      for (const [, specifier] of source.matchAll(/from\s+"([^"]+)"/g)) {
        expect(specifier === "zod" || specifier.startsWith("./"), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });
});
