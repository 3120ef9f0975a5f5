import { revalidateTag } from "next/cache";
import { env } from "@/lib/env";
import { isRevalidateHookToken } from "@/lib/rates/revalidate-hook";
import { RATES_CACHE_TAG_VALUE } from "@/lib/rates/tag";

/**
 * POST /api/rates/revalidate: the worker's hook after it imported rates (lib/rates/revalidate.ts).
 * Next's cache can only be dropped from inside a request, and the worker has none: without this,
 * /rates, the landing page and /api/rates showed last week's rate for up to an hour after the
 * alert emails announced this week's. Bearer token: lib/rates/revalidate-hook.ts.
 */
export async function POST(req: Request) {
  const token = /^Bearer (\S+)$/.exec(req.headers.get("authorization") ?? "")?.[1] ?? null;
  if (!isRevalidateHookToken(token, env().AUTH_SECRET)) {
    return Response.json({ error: "Not allowed." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  revalidateTag(RATES_CACHE_TAG_VALUE, { expire: 0 });
  return Response.json({ revalidated: true }, { headers: { "Cache-Control": "no-store" } });
}
