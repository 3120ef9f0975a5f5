import { handleWebhookRequest } from "@/lib/billing/webhook";

// Stripe calls this without a session: the signature is the authentication.
export const dynamic = "force-dynamic";

export function POST(req: Request): Promise<Response> {
  return handleWebhookRequest(req);
}
