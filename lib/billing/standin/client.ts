/**
 * Talking to a running stand-in from another process (the CLI, scripts, e2e tests).
 */
import type { SimulationKind } from "./simulate";

export const DEFAULT_STANDIN_PORT = 12111;
export const DEFAULT_WEBHOOK_URL = "http://127.0.0.1:3000/api/stripe/webhook";
export const DEFAULT_STATE_FILE = ".data/stripe-standin.json";
/**
 * Used when STRIPE_WEBHOOK_SECRET is unset, so a fresh checkout works without setup; the app
 * must verify with the same value (it is a local test secret, not a credential).
 */
export const DEFAULT_WEBHOOK_SECRET = "whsec_standin_local_test_secret";

export interface SimulationResponse {
  subscription: { id: string; status: string; cancel_at_period_end: boolean };
  events: { id: string; type: string }[];
  deliveries: { eventId: string; type: string; ok: boolean; status?: number; error?: string }[];
}

/** POSTs to `/_standin/simulate`; throws with the stand-in's error message on failure. */
export async function requestSimulation(
  baseUrl: string,
  kind: SimulationKind,
  subscriptionId: string,
): Promise<SimulationResponse> {
  const res = await fetch(`${baseUrl.replace(/\/+$/, "")}/_standin/simulate`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ kind, subscription: subscriptionId }),
  });
  const body = (await res.json()) as SimulationResponse & { error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `stand-in answered ${res.status}`);
  return body;
}
