import { describe, expect, it } from "vitest";
import { isMonitoredStatus, statusLabel } from "./status";

const now = new Date("2026-03-01T00:00:00Z");
const later = new Date("2026-04-01T00:00:00Z");
const earlier = new Date("2026-02-01T00:00:00Z");

describe("isMonitoredStatus", () => {
  it("monitors active and trialing subscriptions", () => {
    expect(isMonitoredStatus("active", later, now)).toBe(true);
    expect(isMonitoredStatus("trialing", null, now)).toBe(true);
  });
  it("keeps a past_due subscription monitored only until its paid period ends", () => {
    expect(isMonitoredStatus("past_due", later, now)).toBe(true);
    expect(isMonitoredStatus("past_due", earlier, now)).toBe(false);
    expect(isMonitoredStatus("past_due", null, now)).toBe(false);
  });
  it("pauses monitoring for every other status, and without a subscription", () => {
    for (const s of ["canceled", "unpaid", "incomplete", "incomplete_expired", "paused"] as const) expect(isMonitoredStatus(s, later, now)).toBe(false);
    expect(isMonitoredStatus(null, later, now)).toBe(false);
  });
});

describe("statusLabel", () => {
  it("says when an active subscription is set to end", () => {
    expect(statusLabel("active", true)).toBe("Ends at period end");
    expect(statusLabel("past_due")).toBe("Payment overdue");
  });
});
