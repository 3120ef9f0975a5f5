import { NextResponse, type NextRequest } from "next/server";
import { databaseAvailable } from "@/db/availability";
import { REQUEST_PATH_HEADER, requestedPath } from "@/lib/auth/request-path";

// Optimistic redirects only: a visitor without a session cookie is sent to sign in before the
// page renders. Every page, action and route checks the session itself (getSession()).
// While the database is down (db/availability.ts) app paths answer 503 with Retry-After.
// Only the cookie's presence is read — never written — so a request still in flight when the
// user signs out cannot put the session cookie back.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function proxy(req: NextRequest) {
  // Every app page reads the database: while it is unreachable, say so (503, retry shortly)
  // instead of rendering an error page with a 500 — or waiting on a connection that never comes.
  if (!databaseAvailable()) {
    return new NextResponse("Refi Alert is briefly unavailable (database unreachable). Please try again in a few seconds.", {
      status: 503,
      headers: { "Retry-After": "5", "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const hasSession = req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (!hasSession) {
    const url = new URL("/sign-in", req.nextUrl);
    url.searchParams.set("next", requestedPath(req.nextUrl));
    return NextResponse.redirect(url);
  }
  // Tells the page which address was asked for, so the layout's session check can send a
  // browser whose session ended back here after signing in (a layout is not given its path).
  const headers = new Headers(req.headers);
  headers.set(REQUEST_PATH_HEADER, requestedPath(req.nextUrl));
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/dashboard/:path*", "/mortgages/:path*", "/alerts/:path*", "/history/:path*", "/billing/:path*", "/settings/:path*", "/admin/:path*", "/triggers/:path*"],
};
