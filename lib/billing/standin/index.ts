/**
 * Local Stripe stand-in: lets the app run the whole billing loop (Checkout → webhooks →
 * portal → renewals) through the real stripe SDK without network access or a Stripe account.
 *
 *   const standin = await startStripeStandin({ port: 0, webhookUrl, webhookSecret });
 *   const stripe = new Stripe("sk_test_x", { host: "127.0.0.1", port: standin.port, protocol: "http" });
 */
export { startStripeStandin, type StandinOptions, type StripeStandin } from "./server";
export type { Outcome } from "./billing";
export { SIMULATION_KINDS, type SimulationKind, type SimulationResult } from "./simulate";
export type { EventObject, EventType } from "./billing-objects";
export type { DeliveryResult } from "./webhooks";
export type { StandinState } from "./store";
export { parseStripeForm, type FormObject, type FormValue } from "./form";
export {
  DEFAULT_STANDIN_PORT,
  DEFAULT_STATE_FILE,
  DEFAULT_WEBHOOK_SECRET,
  DEFAULT_WEBHOOK_URL,
  requestSimulation,
  type SimulationResponse,
} from "./client";
