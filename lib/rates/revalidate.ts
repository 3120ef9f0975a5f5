import "server-only";
import { env } from "@/lib/env";
import { revalidateHookToken } from "./revalidate-hook";
import { RATES_CACHE_TAG_VALUE as RATES_CACHE_TAG } from "./tag";

/**
 * Drops the cached rates (pages, API) after an import changed something. Inside a Next request
 * (a server action, a route) directly. Outside one (the worker, the CLI) Next refuses, so the
 * running app is asked to do it through its hook (POST /api/rates/revalidate, at APP_URL); if no
 * app answers (the CLI with no server, the seed before it starts), the cache expires on its own
 * within the hour. Returns whether the cache was dropped.
 */
export async function revalidateRatesCache(): Promise<boolean> {
  try {
    const { revalidateTag } = await import("next/cache");
    revalidateTag(RATES_CACHE_TAG, { expire: 0 });
    return true;
  } catch {
    return askTheApp();
  }
}

async function askTheApp(): Promise<boolean> {
  const { APP_URL, AUTH_SECRET } = env();
  try {
    const res = await fetch(new URL("/api/rates/revalidate", APP_URL), {
      method: "POST",
      headers: { authorization: `Bearer ${revalidateHookToken(AUTH_SECRET)}` },
      signal: AbortSignal.timeout(5_000),
    });
    await res.body?.cancel();
    if (!res.ok) console.warn(`[rates] the app at ${APP_URL} refused to drop its cached rates (${res.status}); they refresh within the hour`);
    return res.ok;
  } catch {
    return false;
  }
}
