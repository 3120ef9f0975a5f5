import { describe, expect, it } from "vitest";
import { staleness } from "./stale";

const fields = ["principal", "ratePercent", "termYears"];
const shown = { principal: "400000", ratePercent: "4.5", termYears: "30" };

describe("staleness (does the shown result still answer the form?)", () => {
  it("is fresh when the form holds the inputs the result was calculated from", () => {
    expect(staleness({ hasResult: true, hasErrors: false, fields, values: { ...shown }, resultValues: shown })).toBeNull();
    // Spaces typed around a value change nothing.
    expect(staleness({ hasResult: true, hasErrors: false, fields, values: { ...shown, termYears: " 30 " }, resultValues: shown })).toBeNull();
  });

  it("is 'edited' once any field differs, and fresh again when it is typed back", () => {
    expect(staleness({ hasResult: true, hasErrors: false, fields, values: { ...shown, ratePercent: "6" }, resultValues: shown })).toBe("edited");
    expect(staleness({ hasResult: true, hasErrors: false, fields, values: { ...shown, ratePercent: "" }, resultValues: shown })).toBe("edited");
    expect(staleness({ hasResult: true, hasErrors: false, fields, values: { ...shown, ratePercent: "4.5" }, resultValues: shown })).toBeNull();
  });

  it("is 'invalid' while field errors are shown beside a result, whatever the fields hold", () => {
    expect(staleness({ hasResult: true, hasErrors: true, fields, values: { principal: "500", ratePercent: "abc", termYears: "0" }, resultValues: shown })).toBe("invalid");
    expect(staleness({ hasResult: true, hasErrors: true, fields, values: { ...shown }, resultValues: shown })).toBe("invalid");
  });

  it("marks nothing when there is no result to mark", () => {
    expect(staleness({ hasResult: false, hasErrors: true, fields, values: { ...shown, principal: "x" }, resultValues: shown })).toBeNull();
    expect(staleness({ hasResult: false, hasErrors: false, fields, values: { ...shown, principal: "1" }, resultValues: shown })).toBeNull();
  });

  it("only compares the calculator's own fields", () => {
    expect(staleness({ hasResult: true, hasErrors: false, fields, values: { ...shown, mortgageId: "abc" }, resultValues: shown })).toBeNull();
  });
});
