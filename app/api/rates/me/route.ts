import { getSession } from "@/lib/auth/session";
import { errorResponse, UnauthorizedError } from "@/lib/errors";
import { userRateOverlay } from "@/lib/rates/series";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * GET /api/rates/me: the signed-in user's own mortgage rates and refi-zone threshold, drawn over
 * the public chart by the browser (so /rates itself stays the same for everyone). 401 signed out.
 */
export async function GET() {
  try {
    const user = await getSession();
    if (!user) throw new UnauthorizedError();
    return Response.json(await userRateOverlay(user.id), { headers: PRIVATE });
  } catch (err) {
    const res = errorResponse(err);
    res.headers.set("Cache-Control", "private, no-store");
    return res;
  }
}
