import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/server/client-address";
import { authConfig } from "./auth.config";
import { authenticate, type AuthFailure } from "./authenticate";

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
