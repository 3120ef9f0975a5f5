import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { SIGNATURE_TOLERANCE_SECONDS, unverifiableHeader } from "./signature-header";

const stripe = new Stripe("sk_test_header", { telemetry: false });
const now = 1_800_000_000;
const header = (timestamp: number) => stripe.webhooks.generateTestHeaderString({ payload: "{}", secret: "whsec_x", timestamp });

describe("unverifiableHeader", () => {
  it("lets a header Stripe's SDK signed just now through to the real check", () => {
    expect(unverifiableHeader(header(now), now)).toBeNull();
    expect(unverifiableHeader(header(now - SIGNATURE_TOLERANCE_SECONDS), now)).toBeNull();
    // A sender whose clock runs ahead is left to the SDK, which only limits age.
    expect(unverifiableHeader(header(now + 3600), now)).toBeNull();
  });

  it("turns away a missing header, one without a timestamp, and replays older than the tolerance", () => {
    expect(unverifiableHeader(null, now)).toMatch(/missing/);
    expect(unverifiableHeader("", now)).toMatch(/missing/);
    expect(unverifiableHeader("v1=abc", now)).toMatch(/no timestamp/);
    expect(unverifiableHeader("t=soon,v1=abc", now)).toMatch(/no timestamp/);
    expect(unverifiableHeader(header(now - SIGNATURE_TOLERANCE_SECONDS - 1), now)).toMatch(/tolerance/);
    expect(unverifiableHeader("t=1,v1=bad", now)).toMatch(/tolerance/);
  });

  it("agrees with the SDK: whatever it turns away, constructEvent refuses too", () => {
    const realNow = Math.floor(Date.now() / 1000);
    for (const h of ["v1=abc", "t=soon,v1=abc", header(realNow - SIGNATURE_TOLERANCE_SECONDS - 5)]) {
      expect(unverifiableHeader(h, realNow)).not.toBeNull();
      expect(() => stripe.webhooks.constructEvent("{}", h, "whsec_x", SIGNATURE_TOLERANCE_SECONDS)).toThrow();
    }
  });
});
