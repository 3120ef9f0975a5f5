import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import type { DisplayFormat } from "@/lib/format";
import { DisplayFormatProvider } from "./display-format";
import { signOutAction } from "@/lib/auth/sign-out-action";
import { AppNav } from "./app-nav";
import { Logo } from "./logo";
import { Banner, SubmitButton } from "./ui";
import Link from "next/link";

/**
 * `display` is the homeowner's own currency and date format for the client components below;
 * admin pages leave it out, as they show many people's amounts in the site's format.
 */
export function AppShell({ user, display, children }: { user: SessionUser; display?: DisplayFormat; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-3 px-4">
          <Logo href="/dashboard" />
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden text-slate-600 sm:inline dark:text-slate-400" data-testid="signed-in-as">
              {user.name}
            </span>
            <form action={signOutAction}>
              <SubmitButton variant="secondary" size="sm" pendingText="Signing out…">
                Sign out
              </SubmitButton>
            </form>
          </div>
        </div>
      </header>
      <div className="mx-auto max-w-7xl px-4 py-4 md:grid md:grid-cols-[12rem_1fr] md:gap-8 md:py-8">
        <aside className="mb-4 md:mb-0">
          <AppNav isAdmin={user.role === "admin"} />
        </aside>
        {/* Room at the bottom for a toast (fixed there), so it never covers the last row's buttons. */}
        <main id="main" className="min-w-0 pb-24 focus-visible:outline-none">
          {!user.emailVerified && (
            <div className="mb-6">
              <Banner tone="warning">
                Please verify your email address to create alerts and subscribe. Check your inbox, or{" "}
                <Link href="/verify-email" className="font-semibold underline">
                  send a new link
                </Link>
                .
              </Banner>
            </div>
          )}
          {display ? <DisplayFormatProvider display={display}>{children}</DisplayFormatProvider> : children}
        </main>
      </div>
    </div>
  );
}
