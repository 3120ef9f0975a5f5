/**
 * Whether Auth.js may renew a session token (its /api/auth/session re-issues the cookie with a
 * fresh expiry on every call): only while the server still honours it. `isCurrent` asks the
 * database (isSessionCurrent). If the database can't answer, the token is kept: clearing the
 * cookie would sign everyone out during a database restart, and every page checks the session
 * against the database again before showing anything.
 */
export async function renewableToken<T extends object>(
  token: T,
  isCurrent: (userId: string, sessionVersion: number, sessionId?: string) => Promise<boolean>,
): Promise<T | null> {
  const claims = token as { uid?: unknown; sv?: unknown; sid?: unknown };
  if (typeof claims.uid !== "string" || typeof claims.sv !== "number") return null;
  try {
    return (await isCurrent(claims.uid, claims.sv, typeof claims.sid === "string" ? claims.sid : undefined)) ? token : null;
  } catch (err) {
    console.error("[auth] could not check a session before renewing it; kept as it is", err);
    return token;
  }
}
