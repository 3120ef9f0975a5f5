import { getSession } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { userRateOverlay } from "@/lib/rates/series";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * GET /api/rates/me: the signed-in user's own mortgage rates and refi-zone threshold, drawn over
 * the public chart by the browser (so /rates itself stays the same for everyone). Signed out it
 * answers 200 with `null`, as Auth.js's own session endpoint does: every anonymous reader of
 * /rates asks, and a 401 would be a failed request in each one's console for an expected case.
 */
export async function GET() {
  try {
    const user = await getSession();
    if (!user) return Response.json(null, { headers: PRIVATE });
    return Response.json(await userRateOverlay(user.id), { headers: PRIVATE });
  } catch (err) {
    const res = errorResponse(err);
    res.headers.set("Cache-Control", "private, no-store");
    return res;
  }
}
