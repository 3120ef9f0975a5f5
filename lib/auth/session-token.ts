import { decode } from "next-auth/jwt";

/**
 * Reading the Auth.js session cookie without going through `auth()`.
 *
 * `auth()` in a Server Component replays Auth.js's whole `/session` endpoint per call: it builds
 * a Request, derives the key (HKDF) and decrypts the JWE, runs the callbacks, then derives again
 * and RE-ENCRYPTS the token for a Set-Cookie that a Server Component cannot send. Measured on the
 * dashboard that is ~3 ms of CPU per request, more than rendering the page's cards.
 *
 * Here the cookie is decrypted with Auth.js's own `decode` (same secret, same salt: the cookie's
 * name), once per distinct token: the claims of a token never change, so they are remembered
 * (bounded) and only the expiry is checked again on each request. Whether the session is still
 * valid (account active, session version) is still asked of the database on every request, by
 * getSession().
 */

/** Auth.js's session cookie names: `__Secure-` when served over HTTPS. */
const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** `sid` is absent from tokens issued before sessions had ids (they expire on their own). */
export type SessionTokenClaims = { uid: string; sv: number; exp: number; sid?: string };
type Cookie = { name: string; value: string };

/**
 * The session cookie's name and value. A token too large for one cookie is split by Auth.js into
 * `<name>.0`, `<name>.1`, … and joined here in the same order, as its SessionStore does.
 */
export function findSessionCookie(all: readonly Cookie[]): Cookie | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = all.find((c) => c.name === name);
    if (whole?.value) return { name, value: whole.value };
    const chunks = all
      .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length > 0) return { name, value: chunks.map((c) => c.value).join("") };
  }
  return null;
}

const MAX_REMEMBERED = 5_000;
const remembered = new Map<string, SessionTokenClaims>();

function remember(key: string, claims: SessionTokenClaims) {
  // Oldest first out (a Map iterates in insertion order): a bounded memory of recent tokens.
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, claims);
}

/**
 * The claims getSession() needs from a session cookie, or null when the token is not one this
 * server issued (bad secret, tampered, garbage) or has expired. `now` in seconds, for tests.
 */
export async function readSessionToken(cookie: Cookie, secret: string, now = Date.now() / 1000): Promise<SessionTokenClaims | null> {
  // Keyed by secret and salt too: a rotated secret must not keep accepting old tokens.
  const key = `${cookie.name}\u0000${secret}\u0000${cookie.value}`;
  let claims = remembered.get(key) ?? null;
  if (!claims) {
    try {
      const payload = await decode({ token: cookie.value, secret, salt: cookie.name });
      if (payload && typeof payload.uid === "string" && typeof payload.sv === "number" && typeof payload.exp === "number") {
        claims = { uid: payload.uid, sv: payload.sv, exp: payload.exp, ...(typeof payload.sid === "string" ? { sid: payload.sid } : {}) };
        remember(key, claims);
      }
    } catch {
      // Not decryptable with our secret, or expired: no session, same as auth() would say.
      return null;
    }
  }
  if (!claims || claims.exp <= now) return null;
  return claims;
}
