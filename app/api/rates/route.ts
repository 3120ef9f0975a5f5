import { errorResponse, ValidationError } from "@/lib/errors";
import { cachedRates } from "@/lib/rates/cache";
import { jsonBody, jsonResponse } from "@/lib/rates/http";
import { seriesQuerySchema } from "@/lib/rates/schemas";
import { querySeries, type SeriesQuery } from "@/lib/rates/series";

// The answer to a named range (a handful per type) is cached serialized, with its ETag (tag
// `rates`, so an import drops it): a request costs one cache read, not two reads, a downsampling
// and a serialization. Explicit from/to dates, unbounded in number, are computed each time.
const seriesJson = cachedRates(async (q: SeriesQuery) => jsonBody(await querySeries(q)), ["rate-series-json"]);

/**
 * GET /api/rates?type=30_year_fixed&from=2020-01-01&to=2026-12-31 (or &range=1M|6M|1Y|5Y|10Y|MAX):
 * one series of Freddie Mac's weekly survey, downsampled to at most ~600 points (each bucket's
 * min and max kept). Public, cacheable, with an ETag. Documented in docs/api.md.
 */
export async function GET(req: Request) {
  try {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const parsed = seriesQuerySchema.safeParse(params);
    if (!parsed.success) {
      const fields: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "query")] ??= []).push(issue.message);
      throw new ValidationError(parsed.error.issues.map((i) => i.message).join("; "), fields);
    }
    const q = parsed.data;
    return jsonResponse(req, q.range ? await seriesJson(q) : jsonBody(await querySeries(q)));
  } catch (err) {
    return errorResponse(err);
  }
}
