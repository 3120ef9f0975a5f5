"use client";

import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { DISPLAY_COOKIE, displayFromCookie } from "@/lib/account/display-cookie";
import { DEFAULT_DISPLAY, formatterFor, type DisplayFormat, type Formatter } from "@/lib/format";

// The homeowner's display format, for client components on their own pages. The app layout
// provides it from the session; anywhere else (public pages, admin) the site's default applies.
const DisplayFormatContext = createContext<DisplayFormat>(DEFAULT_DISPLAY);

export function DisplayFormatProvider({ display, children }: { display: DisplayFormat; children: ReactNode }) {
  return <DisplayFormatContext.Provider value={display}>{children}</DisplayFormatContext.Provider>;
}

export function useFormat(): Formatter {
  return formatterFor(useContext(DisplayFormatContext));
}

const cookieValue = (name: string) => document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`))?.[1] ?? "";
const noSubscription = () => () => {};

/**
 * On a public page, the display format the browser remembers for its signed-in homeowner (the
 * display cookie, lib/account/display-cookie.ts), else the site's default. While hydrating it is
 * `rendered`, the format the server used, so the first render matches the HTML; the cookie is
 * read right after, and at once when the page is reached by a client-side navigation.
 */
export function useRememberedDisplay(rendered: DisplayFormat): DisplayFormat {
  const raw = useSyncExternalStore(
    noSubscription,
    () => `${cookieValue(DISPLAY_COOKIE)}|${cookieValue("tz")}`,
    () => null,
  );
  return useMemo(() => {
    if (raw === null) return rendered;
    const [value, tz] = raw.split("|");
    return displayFromCookie(value, tz ? decodeURIComponent(tz) : undefined) ?? DEFAULT_DISPLAY;
  }, [raw, rendered]);
}
