import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { revokedSessions, users } from "@/db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The check getSession() makes on every request, as a plain function: a session is current
 * only while its account exists, is active, is not deleted, still has the version the session
 * was issued with, and (with its id) was not signed out.
 */
export async function isSessionCurrent(userId: string, sessionVersion: number, sessionId?: string): Promise<boolean> {
  if (!UUID.test(userId)) return false;
  const [user] = await db
    .select({
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
      revoked: sessionId && UUID.test(sessionId) ? sql<boolean>`EXISTS (SELECT 1 FROM ${revokedSessions} WHERE ${revokedSessions.sid} = ${sessionId})` : sql<boolean>`false`,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  return Boolean(user && user.isActive && user.sessionVersion === sessionVersion && !user.revoked);
}

/** Ends every session of a user (password change, deactivation, deletion, "sign out everywhere"). */
export async function bumpSessionVersion(userId: string, tx: DbOrTx = db): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}
