import { recordOpen } from "@/lib/email/events";
import { signOpen, verifySignature } from "@/lib/email/tracking";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// The smallest transparent GIF.
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** The 1x1 image in each email: a valid signature marks the email opened. Always answers the image. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sig = new URL(request.url).searchParams.get("s");
  if (verifySignature(signOpen(env().AUTH_SECRET, id), sig)) {
    await recordOpen(id).catch((err) => console.error("[email] recording an open failed", err));
  }
  return new Response(new Uint8Array(PIXEL), {
    headers: { "Content-Type": "image/gif", "Cache-Control": "no-store, max-age=0", "Content-Length": String(PIXEL.length) },
  });
}
