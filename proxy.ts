import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { env } from "@/lib/env";

// Optimistic redirects only: a visitor without a session cookie is sent to sign in before the
// page renders. Every page, action and route checks the session again on the server.
const { auth } = NextAuth({ ...authConfig, secret: env().AUTH_SECRET });

const PROTECTED = ["/dashboard", "/mortgages", "/alerts", "/history", "/billing", "/settings", "/admin", "/triggers"];

export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl;
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isProtected && !req.auth) {
    const url = new URL("/sign-in", req.nextUrl);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

export const config = {
  matcher: ["/dashboard/:path*", "/mortgages/:path*", "/alerts/:path*", "/history/:path*", "/billing/:path*", "/settings/:path*", "/admin/:path*", "/triggers/:path*"],
};
