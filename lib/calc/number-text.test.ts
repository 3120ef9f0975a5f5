import { describe, expect, it } from "vitest";
import { numberFromText, stripNumberText } from "./number-text";

describe("stripNumberText", () => {
  it("reads amounts typed with any currency sign the app shows", () => {
    for (const typed of ["$400,000", "€400,000", "£ 400,000", "CA$400,000", "A$400,000", "US$ 400,000", "400 000", "400,000\u00a0"]) {
      expect(Number(stripNumberText(typed))).toBe(400000);
    }
    expect(stripNumberText(" 5.25 % ")).toBe("5.25");
  });

  it("leaves other text for the caller to reject", () => {
    expect(Number(stripNumberText("four hundred"))).toBeNaN();
    expect(stripNumberText("12abc")).toBe("12abc");
  });

  it("reads a form field as a number, blank as missing and junk as NaN", () => {
    expect(numberFromText("€1,850.50")).toBe(1850.5);
    expect(numberFromText(" ")).toBeUndefined();
    expect(numberFromText(null)).toBeUndefined();
    expect(numberFromText(42)).toBe(42);
    expect(numberFromText("1.2.3")).toBeNaN();
  });
});
