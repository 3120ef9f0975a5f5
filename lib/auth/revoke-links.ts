import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { emailVerificationTokens, passwordResetTokens, users } from "@/db/schema";

/**
 * Stops the account's outstanding links that could change who controls it: pending email-change
 * links (to an address other than the account's) expire, and unused password-reset links are
 * spent. Called whenever the owner re-asserts control (a password reset or change, "sign out
 * everywhere", a completed email change): otherwise someone who briefly held the password could
 * have sent an email-change link to their own inbox and follow it after the owner's reset, or a
 * reset link sent to an address the account has left would keep working. A link that only
 * verifies the account's current address stays valid.
 */
export async function revokeAccountLinks(userId: string, tx: DbOrTx, now = new Date()): Promise<void> {
  await tx
    .update(emailVerificationTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(emailVerificationTokens.userId, userId),
        isNull(emailVerificationTokens.verifiedAt),
        gt(emailVerificationTokens.expiresAt, now),
        ne(emailVerificationTokens.email, sql`(SELECT ${users.email} FROM ${users} WHERE ${users.id} = ${userId})`),
      ),
    );
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}
