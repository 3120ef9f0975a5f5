import "server-only";
import { createHash } from "node:crypto";

/** Public, shared-cache friendly: browsers keep it 5 minutes, CDNs an hour, stale for a day while refreshing. */
export const PUBLIC_RATES_CACHE = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === strip(etag));
}

export type JsonBody = { text: string; etag: string };

/** A JSON body and its strong ETag (a hash of the body). */
export function jsonBody(body: unknown): JsonBody {
  const text = JSON.stringify(body);
  return { text, etag: `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"` };
}

/** A prepared JSON body; a matching If-None-Match gets an empty 304. */
export function jsonResponse(req: Request, { text, etag }: JsonBody, cacheControl = PUBLIC_RATES_CACHE): Response {
  const headers = { ETag: etag, "Cache-Control": cacheControl, Vary: "Accept-Encoding" };
  if (etagMatches(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

/** JSON with a strong ETag of its body; a matching If-None-Match gets an empty 304. */
export function cachedJson(req: Request, body: unknown, cacheControl = PUBLIC_RATES_CACHE): Response {
  return jsonResponse(req, jsonBody(body), cacheControl);
}
