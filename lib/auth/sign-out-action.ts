"use server";

import { signOut } from "./auth";
import { syncDisplayCookie } from "./request";
import { revokeThisSession } from "./revoke-session";

export async function signOutAction(): Promise<void> {
  // Before the cookie is cleared: a copy of it must not outlive this sign-out. If the database
  // can't be reached, this browser is still signed out (what the user asked for), and logged.
  await revokeThisSession().catch((err: unknown) => console.error("[auth] could not record the sign-out of this session", err));
  // The public pages go back to the site's dollars for whoever uses this browser next.
  await syncDisplayCookie(null);
  await signOut({ redirectTo: "/" });
}
