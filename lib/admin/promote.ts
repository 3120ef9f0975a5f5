import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";

export type PromoteResult =
  | { status: "promoted"; id: string; email: string }
  | { status: "already_admin"; id: string; email: string }
  | { status: "not_found"; email: string }
  | { status: "inactive"; id: string; email: string };

/**
 * `npm run admin:create -- <email>`: makes a live account an admin (from the command line, so
 * the actor is nobody; the audit entry says so).
 */
export async function promoteByEmail(rawEmail: string): Promise<PromoteResult> {
  const email = rawEmail.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.email, email), isNull(users.deletedAt))).for("update").limit(1);
    if (!user) return { status: "not_found", email };
    if (!user.isActive) return { status: "inactive", id: user.id, email };
    if (user.role === "admin") return { status: "already_admin", id: user.id, email };
    await tx.update(users).set({ role: "admin", updatedAt: new Date() }).where(eq(users.id, user.id));
    await audit({ actorId: null, action: "admin.user.promote", targetType: "user", targetId: user.id, before: { role: user.role }, after: { role: "admin", via: "npm run admin:create" } }, tx);
    return { status: "promoted", id: user.id, email };
  });
}
