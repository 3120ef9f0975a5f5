import "server-only";
import { redirect } from "next/navigation";
import { ForbiddenError } from "@/lib/errors";
import { requireUser, type SessionUser } from "./session";

/** Creating alerts and checking out need a verified email address. */
export const VERIFY_FIRST_MESSAGE = "Please verify your email address first: we sent you a link (you can get a new one on the verification page).";

/** Throws ForbiddenError (403, message shown in forms) when the user's email is not verified. */
export function assertVerified(user: Pick<SessionUser, "emailVerified">): void {
  if (!user.emailVerified) throw new ForbiddenError(VERIFY_FIRST_MESSAGE);
}

/** For pages: the signed-in user with a verified email; others go to /verify-email. */
export async function requireVerifiedUser(next?: string): Promise<SessionUser> {
  const user = await requireUser(next);
  if (!user.emailVerified) redirect("/verify-email?required=1");
  return user;
}
