import { DEFAULT_DISPLAY, displayFormatOf, type DisplayFormat } from "@/lib/format";

// A signed-in homeowner's currency and date format, remembered in a cookie the browser can read,
// so the public calculator pages (prerendered with the site's dollars) can show theirs from the
// first paint instead of switching once the form has asked who is reading. Only a hint for how
// numbers read: a stale or forged value changes nothing but the signs on the reader's own
// screen, and the form still takes the session's answer when it arrives.

export const DISPLAY_COOKIE = "display";

/** The cookie's value for a display format; null for the site's default, which needs none. */
export function displayCookieValue(display: Pick<DisplayFormat, "currency" | "dateFormat">): string | null {
  if (display.currency === DEFAULT_DISPLAY.currency && display.dateFormat === DEFAULT_DISPLAY.dateFormat) return null;
  return `${display.currency}~${display.dateFormat}`;
}

/** The display format a cookie value names (anything unknown reads as the default); null without one. */
export function displayFromCookie(value: string | null | undefined, timeZone?: string | null): DisplayFormat | null {
  if (!value) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  const [currency, dateFormat] = decoded.split("~");
  return displayFormatOf({ currency, dateFormat, timeZone });
}
