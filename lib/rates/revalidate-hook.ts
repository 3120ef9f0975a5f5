import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The bearer token of POST /api/rates/revalidate: an HMAC of a fixed label under AUTH_SECRET, so
 * the worker (a process of its own, or inside the web process but outside any request) can ask a
 * running app to drop its cached rates, and nobody without the secret can. Derived, never
 * stored; rotating AUTH_SECRET rotates it.
 */
export function revalidateHookToken(secret: string): string {
  return createHmac("sha256", secret).update("refi-alert:rates-revalidate:v1").digest("base64url");
}

export function isRevalidateHookToken(given: string | null, secret: string): boolean {
  if (!given) return false;
  const expected = Buffer.from(revalidateHookToken(secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
