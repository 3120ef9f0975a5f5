import { errorResponse } from "@/lib/errors";
import { cachedJson } from "@/lib/rates/http";
import { latestRates } from "@/lib/rates/latest";

/** GET /api/rates/latest: the newest week of each published type, with its weekly change. */
export async function GET(req: Request) {
  try {
    const rates = (await latestRates()).map((r) => ({
      type: r.rateType,
      date: r.date,
      rate: r.rate,
      points: r.points,
      changeFromPrevious: r.changeFromPrevious,
    }));
    return cachedJson(req, { source: "Freddie Mac Primary Mortgage Market Survey®", rates });
  } catch (err) {
    return errorResponse(err);
  }
}
