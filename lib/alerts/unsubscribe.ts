import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db";
import { userPreferences, users } from "@/db/schema";
import { env } from "@/lib/env";

// One-click unsubscribe without signing in: the link carries the user id and an HMAC of it under
// AUTH_SECRET (bound to this purpose), so it cannot be forged for another user.

function mac(userId: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`unsubscribe:alerts:${userId}`).digest("base64url");
}

export function unsubscribeToken(userId: string): string {
  return `${userId}.${mac(userId)}`;
}

/** The user id a token was made for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const dot = token.indexOf(".");
  if (dot <= 0) return null;
  const userId = token.slice(0, dot);
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(userId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

/** Paths (relative to APP_URL) for the confirm page and the RFC 8058 one-click POST. */
export function unsubscribePaths(userId: string) {
  const t = encodeURIComponent(unsubscribeToken(userId));
  return { page: `/unsubscribe?token=${t}`, oneClick: `/api/unsubscribe?token=${t}` };
}

/** The List-Unsubscribe headers for an email to `userId`. */
export function unsubscribeHeaders(userId: string): Record<string, string> {
  const { oneClick } = unsubscribePaths(userId);
  return { "List-Unsubscribe": `<${env().APP_URL}${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** Turns alert emails off for the user (idempotent). Returns false when the account is gone. */
export async function unsubscribeUser(userId: string, db: DbOrTx = defaultDb): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isNull(users.deletedAt))).limit(1);
  if (!user) return false;
  await db
    .insert(userPreferences)
    .values({ userId, emailNotifications: false })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { emailNotifications: false, updatedAt: new Date() } });
  return true;
}
