import { describe, expect, it } from "vitest";
import { outOfView } from "./result-landing";

describe("outOfView (should a new result's heading be scrolled to?)", () => {
  it("leaves a heading wholly on screen where it is", () => {
    expect(outOfView({ top: 120, bottom: 144 }, 844)).toBe(false);
    expect(outOfView({ top: 0, bottom: 844 }, 844)).toBe(false);
  });

  it("scrolls to a heading below the fold (the result under the form on a phone), even one cut off at the bottom", () => {
    expect(outOfView({ top: 1_310, bottom: 1_334 }, 844)).toBe(true);
    expect(outOfView({ top: 830, bottom: 854 }, 844)).toBe(true);
  });

  it("scrolls to a heading scrolled away above", () => {
    expect(outOfView({ top: -300, bottom: -276 }, 844)).toBe(true);
    expect(outOfView({ top: -4, bottom: 20 }, 844)).toBe(true);
  });
});
