import { errorResponse, ValidationError } from "@/lib/errors";
import { cachedJson } from "@/lib/rates/http";
import { seriesQuerySchema } from "@/lib/rates/schemas";
import { querySeries } from "@/lib/rates/series";

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
    return cachedJson(req, await querySeries(parsed.data));
  } catch (err) {
    return errorResponse(err);
  }
}
