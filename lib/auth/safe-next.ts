const ORIGIN = "https://refi-alert.invalid";

/**
 * Only paths on this site, so `?next=` can never send a user elsewhere. Browsers drop tabs and
 * newlines from a URL and read "\" as "/", so "/\t/evil.example" or "/\\evil.example" would
 * leave the site from a Location header: anything with a control character or a backslash is
 * refused, and what remains must resolve to this origin.
 */
export function safeNext(next: unknown, fallback = "/dashboard"): string {
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return fallback;
  }
  // "/..//evil.example" resolves to the path "//evil.example": as a Location, another host.
  if (url.origin !== ORIGIN || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
