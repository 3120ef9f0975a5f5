import { getSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatterFor } from "@/lib/format";
import { csvHeaders } from "@/lib/history/csv";
import { historyCsv } from "@/lib/history/export";
import { historyForExport } from "@/lib/history/queries";
import { parseHistoryQuery } from "@/lib/history/schemas";

/** GET /history/export[?type=]: the signed-in user's calculation history as CSV. */
export async function GET(request: Request) {
  const user = await getSession();
  const url = new URL(request.url);
  if (!user) {
    const signIn = new URL("/sign-in", env().APP_URL);
    signIn.searchParams.set("next", "/history");
    return Response.redirect(signIn, 303);
  }
  const { type } = parseHistoryQuery(Object.fromEntries(url.searchParams));
  const rows = await historyForExport(user.id, type);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(historyCsv(rows, env().APP_URL, formatterFor(user.display)), {
    headers: { ...csvHeaders(`refi-alert-history-${type ? `${type}-` : ""}${day}.csv`), "Cache-Control": "private, no-store" },
  });
}
