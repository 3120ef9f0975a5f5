import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { users } from "@/db/schema";

/**
 * The check getSession() makes on every request, as a plain function: a session is current
 * only while its account exists, is active, is not deleted and still has the version the
 * session was issued with.
 */
export async function isSessionCurrent(userId: string, sessionVersion: number): Promise<boolean> {
  const [user] = await db
    .select({ isActive: users.isActive, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  return Boolean(user && user.isActive && user.sessionVersion === sessionVersion);
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
