import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { emailVerificationTokens, userPreferences, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { deliverLogged, queueEmail } from "@/lib/email";
import { hashPassword } from "./password";
import { trimMeta, type RequestMeta } from "./request-meta";
import type { THEMES } from "@/lib/account/options";
import type { SignUpInput } from "./schemas";
import { newToken } from "./tokens";

type ThemePreference = (typeof THEMES)[number];

export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

export type Registration = {
  /** The new account, or null when the address was already registered (the caller must not tell). */
  userId: string | null;
  /** Emails queued by the transaction; send them after the response with deliverQueued(). */
  emailIds: string[];
};

/** Inserts a verification token for `email` and queues its email, inside the caller's transaction. */
export async function issueVerification(
  tx: DbOrTx,
  user: { id: string; name: string },
  email: string,
  meta: RequestMeta,
  template: "email-verification" | "email-change-verification" = "email-verification",
): Promise<string> {
  const { token, hash } = newToken();
  const m = trimMeta(meta);
  await tx.insert(emailVerificationTokens).values({
    userId: user.id,
    tokenHash: hash,
    email,
    expiresAt: new Date(Date.now() + VERIFICATION_TTL_MS),
    ipAddress: m.ip,
    userAgent: m.userAgent,
  });
  return queueEmail({ to: email, type: "email_verification", template, userId: user.id, params: { name: user.name, token } }, tx);
}

async function noticeToOwner(tx: DbOrTx, email: string): Promise<string[]> {
  const [owner] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deletedAt)))
    .limit(1);
  if (!owner) return [];
  return [await queueEmail({ to: email, type: "security_notice", template: "sign-up-attempt", userId: owner.id, params: { name: owner.name } }, tx)];
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

/**
 * Creates an account: the user row, its preferences (the plan's defaults) and a verification
 * token in one transaction, with the verification email queued inside it. An address that is
 * already registered gets the same outcome to the caller (and its owner a notice), and costs
 * the same password hash, so sign-up reveals nothing about who has an account.
 */
export async function registerUser(
  input: Pick<SignUpInput, "name" | "email" | "password">,
  meta: RequestMeta,
  // The theme the browser showed while signing up: the new account keeps it (a visitor on a
  // dark-mode device stays dark after signing in, rather than getting the column's "light").
  // Without one (scripts, tests) the data model's default applies.
  theme?: ThemePreference,
): Promise<Registration> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const passwordHash = await hashPassword(input.password);
  const m = trimMeta(meta);
  try {
    return await db.transaction(async (tx) => {
      const existing = await noticeToOwner(tx, email);
      if (existing.length) return { userId: null, emailIds: existing };
      const [user] = await tx.insert(users).values({ name, email, passwordHash }).returning({ id: users.id, name: users.name });
      await tx.insert(userPreferences).values({ userId: user!.id, ...(theme ? { theme } : {}) });
      const emailId = await issueVerification(tx, user!, email, m);
      await audit({ actorId: user!.id, action: "user.sign_up", targetType: "user", targetId: user!.id, after: { name, email }, ip: m.ip }, tx);
      return { userId: user!.id, emailIds: [emailId] };
    });
  } catch (err) {
    // Two sign-ups for one address at the same moment: the loser is a duplicate like any other.
    if (!isUniqueViolation(err)) throw err;
    return { userId: null, emailIds: await db.transaction((tx) => noticeToOwner(tx, email)) };
  }
}

/** Sends queued emails (after the transaction that queued them committed). Never throws. */
export async function deliverQueued(emailIds: string[]): Promise<void> {
  for (const id of emailIds) {
    try {
      await deliverLogged(id);
    } catch (err) {
      // deliverLogged records delivery failures itself; this is the database being unreachable.
      console.error("[email] could not deliver", id, err);
    }
  }
}
