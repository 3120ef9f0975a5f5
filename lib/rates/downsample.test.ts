import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downsampleMinMax } from "./downsample";

type P = { i: number; v: number };
const series = fc.array(fc.double({ min: 0.01, max: 25, noNaN: true }), { minLength: 0, maxLength: 3000 }).map((vs) => vs.map((v, i) => ({ i, v })));
const value = (p: P) => p.v;

describe("downsampleMinMax", () => {
  it("never returns more points than asked, keeps first, last, the global min and max, and the order", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 4, max: 800 }), (points, max) => {
        const out = downsampleMinMax(points, max, value);
        expect(out.length).toBeLessThanOrEqual(max);
        if (points.length === 0) {
          expect(out).toEqual([]);
          return;
        }
        expect(out[0]).toBe(points[0]);
        expect(out[out.length - 1]).toBe(points[points.length - 1]);
        const values = points.map(value);
        expect(Math.min(...out.map(value))).toBe(Math.min(...values));
        expect(Math.max(...out.map(value))).toBe(Math.max(...values));
        for (let k = 1; k < out.length; k++) expect(out[k]!.i).toBeGreaterThan(out[k - 1]!.i);
      }),
      { numRuns: 200 },
    );
  });

  it("returns short series unchanged", () => {
    const points = [3, 1, 2].map((v, i) => ({ i, v }));
    expect(downsampleMinMax(points, 600, value)).toEqual(points);
  });

  it("keeps a single spike in a long flat series", () => {
    const points = Array.from({ length: 2896 }, (_, i) => ({ i, v: i === 547 ? 18.63 : 7 }));
    const out = downsampleMinMax(points, 600, value);
    expect(out.length).toBeLessThanOrEqual(600);
    expect(out.some((p) => p.v === 18.63 && p.i === 547)).toBe(true);
  });

  it("refuses a budget too small to hold first, last and a bucket", () => {
    expect(() => downsampleMinMax([], 3, value)).toThrow(RangeError);
  });
});
