import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A first, cheap look at a Stripe-Signature header (`t=<unix seconds>,v1=<hex>[,v1=…]`), made
 * before the request body is read. The Stripe SDK's constructEvent does the real check; this
 * only turns away headers that could never pass it.
 */

/** How old a signature may be (the SDK's default): older ones are replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Why the header cannot verify whatever the body is (missing, no timestamp, signed longer ago
 * than the tolerance), or null when only the signature check itself can tell.
 */
export function unverifiableHeader(header: string | null, nowSeconds = Date.now() / 1000): string | null {
  if (!header) return "missing Stripe-Signature header";
  const t = /(?:^|,)\s*t=(\d{1,12})\s*(?:,|$)/.exec(header)?.[1];
  if (!t) return "no timestamp in the Stripe-Signature header";
  // Only age counts, as in the SDK: a sender whose clock runs ahead is not turned away here.
  if (nowSeconds - Number(t) > SIGNATURE_TOLERANCE_SECONDS) return "timestamp outside the tolerance zone";
  return null;
}

/**
 * Whether no `v1` signature in the header is the HMAC-SHA256 of `<t>.<payload>` under the secret:
 * the header parsed as the Stripe SDK parses it (`t` and `v1` pairs split on "," and "="). A
 * forged delivery is refused on this answer without the SDK's error object; anything that passes
 * still goes through the SDK's constructEvent, which alone decides acceptance.
 */
export function noSignatureMatches(payload: Buffer, header: string, secret: string): boolean {
  let timestamp = -1;
  const signatures: string[] = [];
  for (const item of header.split(",")) {
    const [key, value = ""] = item.split("=");
    if (key === "t") timestamp = parseInt(value, 10);
    else if (key === "v1" && value.length === 64) signatures.push(value);
  }
  if (timestamp === -1 || signatures.length === 0) return true;
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(payload).digest();
  return !signatures.some((hex) => {
    const given = Buffer.from(hex, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
