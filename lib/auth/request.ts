import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { after } from "next/server";
import { db } from "@/db";
import { userPreferences, users } from "@/db/schema";
import { DISPLAY_COOKIE, displayCookieValue } from "@/lib/account/display-cookie";
import { THEMES } from "@/lib/account/options";
import { displayFormatOf, type DisplayFormat } from "@/lib/format";
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

/** The theme this browser shows now: its theme cookie, or the device's own ("system") without one. */
export async function browserTheme(): Promise<(typeof THEMES)[number]> {
  const value = (await cookies()).get(THEME_COOKIE)?.value;
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as (typeof THEMES)[number]) : "system";
}

/** The cookie the root layout's ThemeScript reads before paint (so it must be readable by scripts). */
export async function setThemeCookie(theme: "light" | "dark" | "system"): Promise<void> {
  (await cookies()).set(THEME_COOKIE, theme, { path: "/", maxAge: YEAR_SECONDS, sameSite: "lax", httpOnly: false });
}

/**
 * Keeps the browser's display cookie (lib/account/display-cookie.ts) equal to the homeowner's
 * currency and date format: set when they differ from the site's, gone otherwise or when nobody
 * is signed in. Written only on a change, since a server action that writes a cookie makes the
 * browser refresh the page.
 */
export async function syncDisplayCookie(display: Pick<DisplayFormat, "currency" | "dateFormat"> | null): Promise<void> {
  const jar = await cookies();
  const value = display ? displayCookieValue(display) : null;
  const current = jar.get(DISPLAY_COOKIE)?.value;
  if (value && current !== value) jar.set(DISPLAY_COOKIE, value, { path: "/", maxAge: YEAR_SECONDS, sameSite: "lax", httpOnly: false });
  if (!value && current !== undefined) jar.delete(DISPLAY_COOKIE);
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

/** After a successful sign-in: apply the stored theme and display format, and claim the anonymous history. */
export async function afterSignIn(email: string): Promise<void> {
  const [row] = await db
    .select({ id: users.id, theme: userPreferences.theme, currency: userPreferences.currency, dateFormat: userPreferences.dateFormat })
    .from(users)
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt)))
    .limit(1);
  if (!row) return;
  await setThemeCookie(row.theme ?? "system");
  await syncDisplayCookie(displayFormatOf(row));
  await claimHistoryFromCookie(row.id, { clear: true });
}
