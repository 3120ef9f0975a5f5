import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { after } from "next/server";
import { db } from "@/db";
import { userPreferences, users } from "@/db/schema";
import { claimAnonymousHistory } from "@/lib/history/queries";
import { clearAnonymousSessionCookie, readAnonymousSessionId } from "@/lib/history/session-cookie";
import { clientIp } from "./auth";
import { deliverQueued } from "./registration";
import type { RequestMeta } from "./request-meta";

// Request-bound helpers for the account actions (they need Next's request context).

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent") };
}

/** Sends queued emails after the response, so how long a request takes never depends on whether an email went out. */
export function deliverAfterResponse(emailIds: string[]): void {
  if (emailIds.length) after(() => deliverQueued(emailIds));
}

export const THEME_COOKIE = "theme";
const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The cookie the root layout's ThemeScript reads before paint (so it must be readable by scripts). */
export async function setThemeCookie(theme: "light" | "dark" | "system"): Promise<void> {
  (await cookies()).set(THEME_COOKIE, theme, { path: "/", maxAge: YEAR_SECONDS, sameSite: "lax", httpOnly: false });
}

/** Moves this browser's anonymous calculations to the user and forgets the anonymous session. */
export async function claimHistoryFromCookie(userId: string, { clear }: { clear: boolean }): Promise<void> {
  const sessionId = await readAnonymousSessionId();
  if (!sessionId) return;
  try {
    await claimAnonymousHistory(sessionId, userId);
    if (clear) await clearAnonymousSessionCookie();
  } catch (err) {
    // Losing a few anonymous calculations must never block signing in.
    console.error("[auth] claiming anonymous history failed", err);
  }
}

/** After a successful sign-in: apply the stored theme and claim the anonymous history. */
export async function afterSignIn(email: string): Promise<void> {
  const [row] = await db
    .select({ id: users.id, theme: userPreferences.theme })
    .from(users)
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt)))
    .limit(1);
  if (!row) return;
  await setThemeCookie(row.theme ?? "light");
  await claimHistoryFromCookie(row.id, { clear: true });
}
