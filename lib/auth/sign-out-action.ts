"use server";

import { signOut } from "./auth";
import { syncDisplayCookie } from "./request";

export async function signOutAction(): Promise<void> {
  // The public pages go back to the site's dollars for whoever uses this browser next.
  await syncDisplayCookie(null);
  await signOut({ redirectTo: "/" });
}
