import { unsubscribeUser, verifyUnsubscribeToken } from "@/lib/alerts/unsubscribe";

// RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the URL in the
// List-Unsubscribe header. The signed token is the only credential; no sign-in, no cookies.
export async function POST(request: Request) {
  const userId = verifyUnsubscribeToken(new URL(request.url).searchParams.get("token"));
  if (!userId) return Response.json({ error: { code: "invalid_token", message: "This unsubscribe link is not valid." } }, { status: 400 });
  await unsubscribeUser(userId);
  return Response.json({ ok: true, message: "You won't get alert emails any more." });
}
