import { describe, expect, it } from "vitest";
import { areaPath, bandScale, clamp01, labelIndexes, linearScale, linePath, niceTicks } from "./geometry";

describe("niceTicks", () => {
  it("holds the values on round steps, at most the asked number of ticks", () => {
    const money = niceTicks(0, 24_310);
    expect(money.ticks[0]).toBe(0);
    expect(money.ticks.length).toBeLessThanOrEqual(5);
    expect(money.domain[1]).toBeGreaterThanOrEqual(24_310);
    expect(money.ticks.every((t) => t % 5_000 === 0)).toBe(true);
  });

  it("steps by 1, 2, 2.5 or 5 times a power of ten, without float noise", () => {
    expect(niceTicks(0, 8).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0, 10).ticks).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(5.2, 7.1).ticks).toEqual([5, 6, 7, 8]);
  });

  it("with six ticks a loan balance axis hugs the loan (the balance chart's choice)", () => {
    expect(niceTicks(0, 420_000, 6).ticks).toEqual([0, 100_000, 200_000, 300_000, 400_000, 500_000]);
    expect(niceTicks(0, 400_000, 6).domain).toEqual([0, 400_000]);
  });

  it("copes with a flat or empty range", () => {
    expect(niceTicks(0, 0).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(NaN, NaN).domain).toEqual([0, 1]);
    expect(niceTicks(3, 3).domain[0]).toBeLessThanOrEqual(3);
    expect(niceTicks(3, 3).domain[1]).toBeGreaterThan(3);
  });
});

describe("scales", () => {
  it("maps a domain onto 0..1", () => {
    const s = linearScale([5, 7]);
    expect(s(5)).toBe(0);
    expect(s(6)).toBe(0.5);
    expect(s(7)).toBe(1);
    expect(linearScale([2, 2])(2)).toBe(0); // a flat domain does not divide by zero
  });

  it("puts categories in the middle of equal bands", () => {
    const { center, band } = bandScale(4);
    expect(band).toBe(0.25);
    expect([0, 1, 2, 3].map(center)).toEqual([0.125, 0.375, 0.625, 0.875]);
  });

  it("labels at most `max` categories, spread out, always the last", () => {
    expect(labelIndexes(5, 8)).toEqual([0, 1, 2, 3, 4]);
    const thirty = labelIndexes(30, 8);
    expect(thirty.length).toBeLessThanOrEqual(8);
    expect(thirty[thirty.length - 1]).toBe(29);
    expect(new Set(thirty.slice(1).map((v, i) => v - thirty[i]!)).size).toBe(1);
    expect(labelIndexes(0, 8)).toEqual([]);
  });

  it("clamps to the plot", () => {
    expect([-0.5, 0.3, 1.2].map(clamp01)).toEqual([0, 0.3, 1]);
  });
});

describe("paths", () => {
  it("draws a line on the 1000-unit box with y pointing down, broken at gaps", () => {
    expect(linePath([{ x: 0, y: 0 }, { x: 0.5, y: 1 }, null, { x: 0.75, y: 0.25 }, { x: 1, y: 0.5 }])).toBe("M0 1000 L500 0 M750 750 L1000 500");
    expect(linePath([])).toBe("");
  });

  it("closes each run of an area down to the base, skipping lone points", () => {
    expect(areaPath([{ x: 0, y: 0.5 }, { x: 1, y: 0.25 }])).toBe("M0 500 L1000 750 L1000 1000 L0 1000 Z");
    expect(areaPath([{ x: 0, y: 0.5 }, null, { x: 0.5, y: 0.5 }, { x: 1, y: 1 }])).toBe("M500 500 L1000 0 L1000 1000 L500 1000 Z");
  });
});
