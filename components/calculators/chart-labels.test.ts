import { describe, expect, it } from "vitest";
import { runCalculator } from "@/lib/calc";
import { paymentByRateLabels } from "./chart-labels";

/** The chart of a real target-rate run on the demo balance (30 years), with today's average at `market` %. */
function chartFor(targetPayment: number, market: number | null) {
  const run = runCalculator("target_rate", { balance: 364631.66, newTermYears: 30, targetPayment });
  const data = { points: run.chart.paymentByRate, targetPayment: run.summary.targetPayment, targetRatePercent: run.summary.gridRatePercent };
  return { data, placed: paymentByRateLabels({ ...data, marketRatePercent: market }) };
}

describe("the payment chart's labels (one placement for the picture and the drawing)", () => {
  it("near rates (today's average a hair above the target rate) take different rows and face away from each other", () => {
    const { placed } = chartFor(2_450, 7.03);
    expect(placed.targetRate!.at).toBeLessThan(placed.market!.at);
    expect(placed.targetRate!.side).toBe("left");
    expect(placed.market!.side).toBe("right");
  });

  it("the target rate's label goes left of its line, where the curve stays out of the top row", () => {
    const { data, placed } = chartFor(1_500, 7.03);
    expect(placed.targetRate!.side).toBe("left");
    // Left of the target rate the payment is under the target: the curve is nowhere near the top.
    expect(data.points.filter((p) => p.ratePercent < data.targetRatePercent!).every((p) => p.payment <= data.targetPayment)).toBe(true);
    // Today's line, far to the right, labels towards the target line (the wider side), in the other row.
    expect(placed.market!.side).toBe("left");
  });

  it("it goes right when the left is too narrow, or today's line is in the way and the right is clear", () => {
    expect(chartFor(1_100, null).placed.targetRate!.side).toBe("right");
    expect(chartFor(1_500, 2.5).placed).toMatchObject({ targetRate: { side: "right" }, market: { side: "left" } });
  });

  it("but not where the curve climbs into the top row: then it keeps the roomier side", () => {
    const { data, placed } = chartFor(3_000, 7.03);
    expect(data.points[data.points.length - 1]!.payment).toBeGreaterThan(data.targetPayment);
    expect(placed.targetRate!.side).toBe("left");
  });

  it("the target payment's label sits at the end of its line farther from the rate lines, below the line near the top", () => {
    expect(chartFor(1_500, 7.03).placed.targetPayment).toEqual({ end: "left", place: "above" });
    expect(chartFor(1_100, null).placed.targetPayment).toEqual({ end: "right", place: "above" });
    const nearTop = paymentByRateLabels({ points: [{ ratePercent: 0, payment: 1_000 }, { ratePercent: 8, payment: 2_950 }], targetPayment: 2_900, targetRatePercent: null, marketRatePercent: null });
    expect(nearTop.targetPayment.place).toBe("below");
  });

  it("lines past the chart's last rate get no label (a target reached only at rates nobody lends at)", () => {
    const { data, placed } = chartFor(50_000, 30);
    expect(data.targetRatePercent).toBeGreaterThan(data.points[data.points.length - 1]!.ratePercent);
    expect(placed.targetRate).toBeNull();
    expect(placed.market).toBeNull();
  });
});
