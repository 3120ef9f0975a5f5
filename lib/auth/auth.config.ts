import type { NextAuthConfig } from "next-auth";

/**
 * Edge-safe part of the Auth.js config (no database, no Node APIs): used by proxy.ts for
 * optimistic redirects, and extended by lib/auth/auth.ts with the Credentials provider.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export type SessionClaims = { uid: string; role: "user" | "admin"; sv: number };

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // On sign-in, copy what getSession() checks against the database on every request.
      if (user) {
        const u = user as unknown as { id: string; role: "user" | "admin"; sessionVersion: number };
        token.uid = u.id;
        token.role = u.role;
        token.sv = u.sessionVersion;
        // This session's own id, so signing out can revoke it alone (revoked_sessions).
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      const claims = token as unknown as SessionClaims;
      Object.assign(session.user ?? {}, { id: claims.uid, role: claims.role, sessionVersion: claims.sv });
      return session;
    },
  },
} satisfies NextAuthConfig;
