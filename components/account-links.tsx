"use client";

import { useEffect, useState } from "react";
import { ButtonLink } from "@/components/ui";

/**
 * Public pages stay cacheable (no cookies read on the server), so whether the visitor is signed
 * in is asked from the browser after load.
 */
export function AccountLinks() {
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s) => live && setSignedIn(Boolean(s?.user)))
      .catch(() => live && setSignedIn(false));
    return () => {
      live = false;
    };
  }, []);
  if (signedIn) return <ButtonLink href="/dashboard" size="sm">Dashboard</ButtonLink>;
  return (
    <div className="flex items-center gap-2">
      <ButtonLink href="/sign-in" variant="ghost" size="sm" className="whitespace-nowrap">Sign in</ButtonLink>
      {/* max-sm:hidden, not "hidden sm:inline-flex": the button's own inline-flex would win over hidden (cn only joins). */}
      <ButtonLink href="/sign-up" size="sm" className="whitespace-nowrap max-sm:hidden">Get started</ButtonLink>
    </div>
  );
}
