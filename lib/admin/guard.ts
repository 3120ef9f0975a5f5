import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { users } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";

/** Who did it and from where, written to audit_log with every admin action. */
export type AdminCtx = { ip?: string | null };

/**
 * The admin check every plain admin function starts with. The "use server" wrappers check the
 * session with requireAdmin() too; this second check is what makes the plain functions safe to
 * call from anywhere (scripts, tests, other domains) and re-reads the role from the database, so
 * a demoted, deactivated or deleted admin is refused at once.
 */
export async function assertAdmin(actorId: string, tx: DbOrTx = db): Promise<void> {
  if (typeof actorId !== "string" || !/^[0-9a-f-]{36}$/i.test(actorId)) throw new ForbiddenError();
  const [row] = await tx
    .select({ role: users.role, isActive: users.isActive })
    .from(users)
    .where(and(eq(users.id, actorId), isNull(users.deletedAt)))
    .limit(1);
  if (!row || !row.isActive || row.role !== "admin") throw new ForbiddenError();
}
