import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { revokedSessions, userPreferences, users } from "@/db/schema";
import { env } from "@/lib/env";
import { displayFormatOf, type DisplayFormat } from "@/lib/format";
import { REQUEST_PATH_HEADER } from "./request-path";
import { findSessionCookie, readSessionToken } from "./session-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Written by components/theme-script.tsx from the browser; checked against Intl's zones before use. */
export const TIME_ZONE_COOKIE = "tz";

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: "user" | "admin";
  emailVerified: boolean;
  /**
   * Their currency and date format preferences, read with the session (one left join, no extra
   * query), and their browser's time zone (the `tz` cookie components/theme-script.tsx keeps).
   */
  display: DisplayFormat;
};

/**
 * The signed-in user, checked against the database once per request: the account must exist,
 * be active and not deleted, and the token's session version must match (a password change,
 * deactivation or "sign out everywhere" bumps it, ending older sessions), and this session must
 * not have been signed out (revoked_sessions: a copy of the cookie dies with it). The cookie is read
 * with Auth.js's own decoder (session-token.ts says why not through `auth()`).
 */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const cookie = findSessionCookie(jar.getAll());
  const claims = cookie ? await readSessionToken(cookie, env().AUTH_SECRET) : null;
  if (!claims) return null;
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      emailVerified: users.emailVerified,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
      currency: userPreferences.currency,
      dateFormat: userPreferences.dateFormat,
      // In the same query: was this session signed out (its cookie copied before)?
      revoked: claims.sid && UUID.test(claims.sid) ? sql<boolean>`EXISTS (SELECT 1 FROM ${revokedSessions} WHERE ${revokedSessions.sid} = ${claims.sid})` : sql<boolean>`false`,
    })
    .from(users)
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(and(eq(users.id, claims.uid), isNull(users.deletedAt)))
    .limit(1);
  if (!user || !user.isActive || user.sessionVersion !== claims.sv || user.revoked) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    emailVerified: user.emailVerified,
    display: displayFormatOf({ currency: user.currency, dateFormat: user.dateFormat, timeZone: jar.get(TIME_ZONE_COOKIE)?.value }),
  };
});

/**
 * For pages and actions that need a signed-in user: redirects visitors to sign in. A browser
 * that still holds a session cookie the server no longer honours (signed out everywhere, the
 * password changed, the session too old) is told its session ended, rather than met with a bare
 * sign-in form it did not ask for. Without `next`, it comes back to the address proxy.ts saw.
 */
export async function requireUser(next?: string): Promise<SessionUser> {
  const user = await getSession();
  if (!user) {
    const query = new URLSearchParams();
    const back = next ?? (await headers()).get(REQUEST_PATH_HEADER);
    if (back) query.set("next", back);
    if (findSessionCookie((await cookies()).getAll())) query.set("ended", "1");
    redirect(query.size ? `/sign-in?${query}` : "/sign-in");
  }
  return user;
}

/** For everything under /admin: visitors are sent to sign in, other users get 403. */
export async function requireAdmin(next = "/admin"): Promise<SessionUser> {
  const user = await requireUser(next);
  if (user.role !== "admin") forbidden();
  return user;
}

export { safeNext } from "./safe-next";
