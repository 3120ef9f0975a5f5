import { NextResponse, type NextRequest } from "next/server";

// Optimistic redirects only: a visitor without a session cookie is sent to sign in before the
// page renders. Every page, action and route checks the session itself (getSession()).
// Only the cookie's presence is read — never written — so a request still in flight when the
// user signs out cannot put the session cookie back.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function proxy(req: NextRequest) {
  const hasSession = req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (!hasSession) {
    const url = new URL("/sign-in", req.nextUrl);
    url.searchParams.set("next", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/dashboard/:path*", "/mortgages/:path*", "/alerts/:path*", "/history/:path*", "/billing/:path*", "/settings/:path*", "/admin/:path*", "/triggers/:path*"],
};
