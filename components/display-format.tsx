"use client";

import { createContext, useContext, type ReactNode } from "react";
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
