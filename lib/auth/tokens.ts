import { createHash, randomBytes } from "node:crypto";

/**
 * One-use tokens for emailed links (verification, password reset): 32 random bytes, sent to the
 * user as base64url; only the SHA-256 (hex) is stored, so a database leak reveals no live link.
 */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as we mint it: 43 base64url characters. Anything else is refused before any lookup. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
