// The address a signed-in page was asked for, passed from proxy.ts to the session check (edge-safe).

/** Set by proxy.ts on every app request (never taken from the client: it is overwritten there). */
export const REQUEST_PATH_HEADER = "x-refi-path";

/** The path and query to come back to after signing in, without the router's own cache-busting parameter. */
export function requestedPath(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  return search.size ? `${url.pathname}?${search}` : url.pathname;
}
