import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

/**
 * The anonymous calculator session: a random id in an httpOnly cookie for 30 days, so a
 * visitor's calculations are kept (and become theirs when they sign up or sign in) without an
 * account. The id is only ever compared, never trusted for anything else.
 */
export const ANON_SESSION_COOKIE = "refi_calc_session";
export const ANON_SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const SESSION_ID = /^[A-Za-z0-9_-]{32}$/;

export function isAnonymousSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID.test(value);
}

/** 24 random bytes as 32 base64url characters. */
export function newAnonymousSessionId(): string {
  return randomBytes(24).toString("base64url");
}

export async function readAnonymousSessionId(): Promise<string | null> {
  const value = (await cookies()).get(ANON_SESSION_COOKIE)?.value;
  return isAnonymousSessionId(value) ? value : null;
}

/**
 * The visitor's session id, creating the cookie when missing (server actions and routes only).
 * Set once, not on every save: setting a cookie in a server action makes Next re-render the
 * page, which would be wasted work on every calculation.
 */
export async function ensureAnonymousSessionId(): Promise<string> {
  const existing = await readAnonymousSessionId();
  if (existing) return existing;
  const id = newAnonymousSessionId();
  (await cookies()).set(ANON_SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https:"),
    path: "/",
    maxAge: ANON_SESSION_MAX_AGE_SECONDS,
  });
  return id;
}

/** Forget the anonymous session (after its history was claimed); server actions and routes only. */
export async function clearAnonymousSessionCookie(): Promise<void> {
  (await cookies()).delete(ANON_SESSION_COOKIE);
}
