import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/server/client-address";
import { authConfig } from "./auth.config";
import { authenticate, type AuthFailure } from "./authenticate";
import { renewableToken } from "./renewal";
import { isSessionCurrent } from "./session-version";

/** Auth.js passes `code` through to the sign-in form, so it can say "locked" or "rate limited". */
class SignInFailure extends CredentialsSignin {
  constructor(code: AuthFailure) {
    super();
    this.code = code;
  }
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: env().AUTH_SECRET,
  callbacks: {
    ...authConfig.callbacks,
    /**
     * Auth.js's /api/auth/session (the public header asks it whether the visitor is signed in)
     * re-issues the cookie with a fresh expiry on every call. A token the server no longer
     * honours (signed out, signed out everywhere, password changed, account stopped) is not
     * renewed: null clears its cookie, so a copy can never outlive its revocation.
     */
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return token; // signing in right now
      return renewableToken(token, isSessionCurrent);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const ip = clientIp(request.headers);
        const result = await authenticate(String(credentials?.email ?? ""), String(credentials?.password ?? ""), ip);
        if (!result.ok) throw new SignInFailure(result.reason);
        return { id: result.user.id, name: result.user.name, email: result.user.email, role: result.user.role, sessionVersion: result.user.sessionVersion } as never;
      },
    }),
  ],
}));

/**
 * The client's address: the X-Forwarded-For entry written by the outermost of our own proxies
 * (TRUSTED_PROXY_HOPS), never one the client could have written (lib/server/client-address.ts).
 */
export function clientIp(headers: Headers): string | null {
  return clientAddress(headers.get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS);
}
