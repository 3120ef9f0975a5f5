"use client";

import { useEffect, type ReactNode } from "react";
import { Banner } from "./card";

/**
 * A one-time confirmation carried in the address after a redirect (?saved=created): shown once,
 * and the parameter is taken out of the address at once, so the next action on the page (which
 * re-renders it at its current address) or a reload doesn't show "Mortgage added." again beside
 * its own message. Next's router follows history.replaceState.
 */
export function FlashBanner({ params, children }: { params: readonly string[]; children: ReactNode }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    let changed = false;
    for (const p of params) {
      if (url.searchParams.has(p)) {
        url.searchParams.delete(p);
        changed = true;
      }
    }
    if (changed) window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, [params]);
  return <Banner tone="success">{children}</Banner>;
}
