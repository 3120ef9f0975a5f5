import { databaseAvailable } from "@/db/availability";
import { calculatorMeta } from "@/components/calculators/meta";
import { clientIp } from "@/lib/auth/auth";
import { getSession } from "@/lib/auth/session";
import { isCalculatorType } from "@/lib/calc";
import { errorResponse, ServiceUnavailableError, ValidationError } from "@/lib/errors";
import { recordCalculation, type HistoryOwner } from "@/lib/history/queries";
import { ensureAnonymousSessionId } from "@/lib/history/session-cookie";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * POST /api/calculations `{ type, values, mortgageId? }`: runs a calculator and saves it to the
 * caller's history, as the calculator form's action does (same validation, same rate limits, one
 * INSERT). Signed in: the user's history; otherwise the anonymous browser session's (cookie set
 * on first use). 201 saved; 400 with field messages; 429 with Retry-After; 503 while the
 * database is unreachable.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    // While the database is marked down, answer at once: a query would wait in the driver's
    // queue until PostgreSQL is back.
    if (!databaseAvailable()) throw new ServiceUnavailableError();
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      throw new ValidationError("The request body must be JSON.");
    }
    const { type, values, mortgageId } = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    if (typeof type !== "string" || !isCalculatorType(type)) throw new ValidationError("Unknown calculator.", { type: ["Unknown calculator."] });
    if (mortgageId != null && typeof mortgageId !== "string") throw new ValidationError("That mortgage was not found.", { mortgageId: ["That mortgage was not found."] });
    // Only this calculator's fields, only text: nothing else from the client reaches the core.
    const given = values && typeof values === "object" ? (values as Record<string, unknown>) : {};
    const clean: Record<string, string> = {};
    for (const field of calculatorMeta[type].fields) {
      const value = given[field.name];
      clean[field.name] = typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : "";
    }
    const user = await getSession();
    const owner: HistoryOwner = user ? { userId: user.id } : { sessionId: await ensureAnonymousSessionId() };
    const info = { ip: clientIp(req.headers), userAgent: req.headers.get("user-agent") };
    const saved = await recordCalculation(owner, type, clean, info, user ? (mortgageId as string | null | undefined) : null);
    return Response.json({ id: saved.id, type, input: saved.input, output: saved.output }, { status: 201, headers: NO_STORE });
  } catch (err) {
    const res = errorResponse(err);
    res.headers.set("Cache-Control", "private, no-store");
    return res;
  }
}
