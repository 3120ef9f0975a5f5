import "server-only";
import { sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { db } from "@/db";
import { revokedSessions, users } from "@/db/schema";
import { env } from "@/lib/env";
import { findSessionCookie, readSessionToken } from "./session-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records this browser's session as signed out, so a copy of its cookie (another device, a
 * stolen one) stops working now rather than when the token expires. Kept until that expiry;
 * the user's expired rows are pruned on the way. A token without a session id (issued before
 * sessions had one) or for an account gone meanwhile is left to expire.
 */
export async function revokeThisSession(): Promise<void> {
  const cookie = findSessionCookie((await cookies()).getAll());
  const claims = cookie ? await readSessionToken(cookie, env().AUTH_SECRET) : null;
  if (!claims?.sid || !UUID.test(claims.sid) || !UUID.test(claims.uid)) return;
  const expiresAt = new Date(claims.exp * 1000).toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO ${revokedSessions} (sid, user_id, expires_at)
      SELECT ${claims.sid}::uuid, ${users.id}, ${expiresAt}::timestamptz FROM ${users} WHERE ${users.id} = ${claims.uid}
      ON CONFLICT (sid) DO NOTHING`);
    await tx.execute(sql`DELETE FROM ${revokedSessions} WHERE user_id = ${claims.uid} AND expires_at < now()`);
  });
}
