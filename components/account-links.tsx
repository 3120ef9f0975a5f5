"use client";

import { useEffect, useState } from "react";
import { IntentLink as Link } from "./intent-link";
import { buttonClass } from "@/components/ui/button-class";

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
  if (signedIn) return <Link href="/dashboard" className={buttonClass("primary", "sm")}>Dashboard</Link>;
  return (
    <div className="flex items-center gap-2">
      <Link href="/sign-in" className={buttonClass("ghost", "sm", "whitespace-nowrap")}>Sign in</Link>
      <Link href="/sign-up" className={buttonClass("primary", "sm", "whitespace-nowrap")}>Get started</Link>
    </div>
  );
}
