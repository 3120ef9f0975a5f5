import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { processStripeEvent } from "./events";
import { noSignatureMatches, SIGNATURE_TOLERANCE_SECONDS, unverifiableHeader } from "./signature-header";

// Signature verification needs no API key: a keyless client only for `webhooks`.
const verifier = new Stripe("sk_test_signature_only", { telemetry: false });

// A flood of forged deliveries must not flood the log, nor spend the server's time writing it:
// at most one line a minute, with how many were refused since the last line.
let refused = { count: 0, loggedAt: 0 };
function logRefusal(err: unknown) {
  refused.count++;
  const now = Date.now();
  if (now - refused.loggedAt < 60_000) return;
  const reason = (err instanceof Error ? err.message : String(err)).split(/(?<=\.)\s/)[0];
  console.warn(`Stripe webhook: refused ${refused.count} delivery(ies) with a bad signature since the last report (latest: ${reason})`);
  refused = { count: 0, loggedAt: now };
}

function refuse(reason: unknown): Response {
  logRefusal(reason);
  return Response.json({ error: { code: "bad_signature", message: "Invalid signature." } }, { status: 400 });
}

/**
 * POST /api/stripe/webhook: verifies the signature on the raw body, then applies the event once.
 * 400 for a bad or missing signature (nothing written); 500 when the secret is not configured
 * (never an unsigned acceptance) or processing failed (Stripe retries); 200 when processed, or
 * already processed before.
 */
export async function handleWebhookRequest(req: Request): Promise<Response> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    console.error("Stripe webhook rejected: STRIPE_WEBHOOK_SECRET is not configured");
    return Response.json({ error: { code: "not_configured", message: "Webhook secret not configured." } }, { status: 500 });
  }
  const signature = req.headers.get("stripe-signature");
  // A header that can never verify (none, no timestamp, or one outside the tolerance: a replay)
  // is refused before the body is even read; the SDK makes the same checks, later and dearer.
  const unfit = unverifiableHeader(signature);
  if (unfit || !signature) return refuse(unfit);
  // The raw bytes Stripe signed, as a Buffer: nothing is decoded before the signature is checked.
  const payload = Buffer.from(await req.arrayBuffer());
  // A forged signature is turned away by one HMAC, without the SDK's error object (its
  // construction costs more than the check itself); the SDK still decides what is accepted.
  if (noSignatureMatches(payload, signature, secret)) return refuse("no signature matches the payload");
  let event: Stripe.Event;
  try {
    event = verifier.webhooks.constructEvent(payload, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (err) {
    return refuse(err);
  }
  try {
    const result = await processStripeEvent(event);
    return Response.json({ received: true, ...result });
  } catch (err) {
    console.error(`Stripe webhook ${event.type} ${event.id} failed:`, err);
    return Response.json({ error: { code: "processing_failed", message: "Processing failed; please retry." } }, { status: 500 });
  }
}
