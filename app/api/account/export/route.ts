import { exportAccountData } from "@/lib/account/export";
import { audit } from "@/lib/audit";
import { clientIp } from "@/lib/auth/auth";
import { getSession } from "@/lib/auth/session";
import { errorResponse, UnauthorizedError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** "Download my data": everything we hold about the signed-in user, as one JSON file. */
export async function GET(request: Request) {
  try {
    const user = await getSession();
    if (!user) throw new UnauthorizedError();
    const data = await exportAccountData(user.id);
    if (!data) throw new UnauthorizedError();
    await audit({ actorId: user.id, action: "user.data_export", targetType: "user", targetId: user.id, ip: clientIp(request.headers) });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="refi-alert-data-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
