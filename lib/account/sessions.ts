import "server-only";
import { audit } from "@/lib/audit";
import { db } from "@/db";
import { revokeAccountLinks } from "@/lib/auth/revoke-links";
import { bumpSessionVersion } from "@/lib/auth/session-version";

/**
 * "Sign out everywhere": every session of the user, this one included, ends on its next request,
 * and pending email-change and reset links stop working.
 */
export async function signOutEverywhere(userId: string, ip: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const version = await bumpSessionVersion(userId, tx);
    await revokeAccountLinks(userId, tx);
    await audit({ actorId: userId, action: "user.sign_out_everywhere", targetType: "user", targetId: userId, after: { sessionVersion: version }, ip }, tx);
  });
}
