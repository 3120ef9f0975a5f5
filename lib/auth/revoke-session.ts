import "server-only";
import { sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { db } from "@/db";
import { revokedSessions, users } from "@/db/schema";
import { env } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS } from "./auth.config";
import { findSessionCookie, readSessionToken } from "./session-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records this browser's session as signed out, so a copy of its cookie (another device, a
 * stolen one) stops working now rather than when the token expires. The user's expired rows
 * are pruned on the way. A token without a session id (issued before
 * sessions had one) or for an account gone meanwhile is left to expire.
 */
export async function revokeThisSession(): Promise<void> {
  const cookie = findSessionCookie((await cookies()).getAll());
  const claims = cookie ? await readSessionToken(cookie, env().AUTH_SECRET) : null;
  if (!claims?.sid || !UUID.test(claims.sid) || !UUID.test(claims.uid)) return;
  // Kept for a whole session lifetime from now, not to this token's expiry: a copy may have been
  // renewed (Auth.js's /api/auth/session) after this browser's token last was. Renewal stops
  // once the id is recorded here (lib/auth/auth.ts), so no copy can outlive this row.
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000).toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO ${revokedSessions} (sid, user_id, expires_at)
      SELECT ${claims.sid}::uuid, ${users.id}, ${expiresAt}::timestamptz FROM ${users} WHERE ${users.id} = ${claims.uid}
      ON CONFLICT (sid) DO NOTHING`);
    await tx.execute(sql`DELETE FROM ${revokedSessions} WHERE user_id = ${claims.uid} AND expires_at < now()`);
  });
}
