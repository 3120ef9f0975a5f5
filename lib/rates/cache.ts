import "server-only";
import { unstable_cache } from "next/cache";
import { RATES_CACHE_TAG_VALUE } from "./tag";

/**
 * unstable_cache inside Next (tagged, so an import's revalidateTag drops it); outside Next (tests,
 * scripts, the worker) there is no incremental cache and the function simply runs.
 */
export function cachedRates<A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string[]): (...args: A) => Promise<R> {
  const cached = unstable_cache(fn, key, { tags: [RATES_CACHE_TAG_VALUE], revalidate: 600 });
  return async (...args: A) => {
    try {
      return await cached(...args);
    } catch (err) {
      if (err instanceof Error && err.message.includes("incrementalCache missing")) return fn(...args);
      throw err;
    }
  };
}
