import "server-only";
import { consumeRateLimit, type RateLimitResult } from "@/lib/rate-limit";
import { rateLimitSubject } from "@/lib/server/client-address";

/**
 * Rate limits for the account endpoints, counted in the database (lib/rate-limit) so they hold
 * across app instances. Per client address (an IPv6 client by its /64; see clientIp for how the
 * address is found) and per target email, so neither one busy address nor many addresses
 * aimed at one account get far. The per-email limits sit above the lockout (5 failures), so a
 * user who mistypes is locked out with the right message before any rate limit speaks.
 */
export const LIMITS = {
  signIn: { ip: [50, 15 * 60], email: [15, 15 * 60] },
  signUp: { ip: [10, 60 * 60], email: [3, 60 * 60] },
  resend: { ip: [20, 60 * 60], email: [10, 60 * 60] },
  reset: { ip: [10, 60 * 60], email: [3, 60 * 60] },
  emailChange: { ip: [10, 60 * 60], email: [5, 60 * 60] },
} as const satisfies Record<string, { ip: readonly [number, number]; email: readonly [number, number] }>;

export type LimitName = keyof typeof LIMITS;

/**
 * Counts one attempt against the per-address and per-email limits of `name`. Returns the
 * refusal with the longest wait, or null when the attempt is allowed.
 */
export async function checkLimits(name: LimitName, subject: { ip?: string | null; email?: string | null }): Promise<RateLimitResult | null> {
  const { ip, email } = LIMITS[name];
  const results: RateLimitResult[] = [];
  if (subject.ip) results.push(await consumeRateLimit(`${name}:ip:${rateLimitSubject(subject.ip)}`, ip[0], ip[1]));
  if (subject.email) results.push(await consumeRateLimit(`${name}:email:${subject.email.toLowerCase()}`.slice(0, 200), email[0], email[1]));
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return null;
  return refused.reduce((a, b) => (a.retryAfterSeconds >= b.retryAfterSeconds ? a : b));
}

/** "about 12 minutes", for a form message. */
export function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `about ${minutes} minutes` : `about ${Math.ceil(minutes / 60)} hours`;
}
