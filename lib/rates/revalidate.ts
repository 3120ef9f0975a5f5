import "server-only";
import { RATES_CACHE_TAG_VALUE as RATES_CACHE_TAG } from "./tag";

/**
 * Drops the cached rates (pages, API) after an import changed something. Works only inside a
 * Next request (route handler, server action); in the CLI, the seed or the worker it throws, and the
 * cache then expires on its own (latestRates revalidates every 10 minutes). Returns whether it ran.
 */
export async function revalidateRatesCache(): Promise<boolean> {
  try {
    const { revalidateTag } = await import("next/cache");
    revalidateTag(RATES_CACHE_TAG, { expire: 0 });
    return true;
  } catch {
    return false;
  }
}
