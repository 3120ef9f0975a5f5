import { recordClick } from "@/lib/email/events";
import { signClick, verifySignature } from "@/lib/email/tracking";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * A link in an email: with a valid signature (over the email id and the destination), marks the
 * email clicked and redirects to the destination. Without one it goes to our home page, so the
 * route can never be used to send people elsewhere.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(request.url);
  const target = url.searchParams.get("u") ?? "";
  const { AUTH_SECRET, APP_URL } = env();
  const valid = /^https?:\/\//i.test(target) && verifySignature(signClick(AUTH_SECRET, id, target), url.searchParams.get("s"));
  if (!valid) return Response.redirect(new URL("/", APP_URL), 302);
  await recordClick(id).catch((err) => console.error("[email] recording a click failed", err));
  return new Response(null, { status: 302, headers: { Location: target, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
