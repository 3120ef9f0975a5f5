import { describe, expect, it } from "vitest";
import { compactMoney, moneyTicks } from "./chart-style";

describe("axis money", () => {
  it("is short, never repeats a neighbour, and carries the reader's currency sign", () => {
    expect([1_400, 250_000, 1_200_000, 12_500_000, 640].map((v) => compactMoney(v))).toEqual(["$1.4k", "$250k", "$1.2M", "$13M", "$640"]);
    expect(moneyTicks("€")(250_000)).toBe("€250k");
    expect(moneyTicks("CA$")(1_250)).toBe("CA$1.3k");
  });

  it("puts a minus before the sign, as amounts are written", () => {
    expect(compactMoney(-5_000)).toBe("-$5k");
    // An axis from 0 to 1 (nothing left to owe) must not read "$0 $0 $1 $1 $1".
    expect([0, 0.25, 0.5, 0.75, 1].map((v) => compactMoney(v))).toEqual(["$0", "$0.25", "$0.50", "$0.75", "$1"]);
    expect(moneyTicks("£")(-1_500_000)).toBe("-£1.5M");
  });
});
