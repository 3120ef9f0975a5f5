import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { noSignatureMatches, SIGNATURE_TOLERANCE_SECONDS, unverifiableHeader } from "./signature-header";

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

describe("noSignatureMatches", () => {
  const secret = "whsec_x";
  const payload = JSON.stringify({ id: "evt_1", type: "invoice.paid", data: { object: { note: "café ✓" } } });
  const signed = (opts: { payload?: string; secret?: string; timestamp?: number } = {}) =>
    stripe.webhooks.generateTestHeaderString({ payload: opts.payload ?? payload, secret: opts.secret ?? secret, timestamp: opts.timestamp ?? Math.floor(Date.now() / 1000) });
  const sdkAccepts = (body: string, h: string) => {
    try {
      stripe.webhooks.constructEvent(Buffer.from(body), h, secret, SIGNATURE_TOLERANCE_SECONDS);
      return true;
    } catch {
      return false;
    }
  };

  it("never turns away a delivery the SDK accepts (a real signature, among others, with non-ASCII text)", () => {
    const h = signed();
    const withDecoys = h.replace(",v1=", `,v1=${"0".repeat(64)},v0=abc,v1=`);
    for (const header of [h, withDecoys]) {
      expect(sdkAccepts(payload, header)).toBe(true);
      expect(noSignatureMatches(Buffer.from(payload), header, secret)).toBe(false);
    }
  });

  it("turns away what the SDK refuses: a forged, a truncated or a wrong-secret signature, or a changed body", () => {
    const t = Math.floor(Date.now() / 1000);
    const forged = `t=${t},v1=${"0".repeat(64)}`;
    const truncated = signed().slice(0, -2);
    const otherSecret = signed({ secret: "whsec_other" });
    const cases: [string, string][] = [
      [payload, forged],
      [payload, truncated],
      [payload, otherSecret],
      [payload.replace("evt_1", "evt_2"), signed()],
      [payload, `t=${t}`],
      [payload, `v1=${"0".repeat(64)}`],
    ];
    for (const [body, header] of cases) {
      expect(sdkAccepts(body, header)).toBe(false);
      expect(noSignatureMatches(Buffer.from(body), header, secret)).toBe(true);
    }
  });
});
