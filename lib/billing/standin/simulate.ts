/**
 * Time travel for demos and tests: what Stripe does when a period ends, a renewal charge
 * fails, or the customer cancels. Used by `standin.simulate()`, `POST /_standin/simulate`
 * and `cli.ts event`.
 */
import type Stripe from "stripe";
import { cancelNow, emit, failPayment, getSubscription, renew, updateSubscription, type Outcome, type StandinContext } from "./billing";
import { invalid } from "./http";

export type SimulationKind = "renewal" | "payment_failed" | "cancel" | "cancel_at_period_end";
export const SIMULATION_KINDS: readonly SimulationKind[] = ["renewal", "payment_failed", "cancel", "cancel_at_period_end"];

export interface SimulationResult extends Outcome {
  subscription: Stripe.Subscription;
}

export async function simulate(ctx: StandinContext, kind: SimulationKind, subscriptionId: string): Promise<SimulationResult> {
  const sub = getSubscription(ctx, subscriptionId);
  const events =
    kind === "renewal"
      ? renew(ctx, sub)
      : kind === "payment_failed"
        ? failPayment(ctx, sub)
        : kind === "cancel"
          ? cancelNow(ctx, sub)
          : kind === "cancel_at_period_end"
            ? updateSubscription(ctx, sub, { cancelAtPeriodEnd: true })
            : assertNever(kind);
  const outcome = await emit(ctx, events, true);
  return { ...outcome, subscription: structuredClone(sub) };
}

function assertNever(kind: never): never {
  throw invalid(`Unknown simulation kind '${String(kind)}'; use one of ${SIMULATION_KINDS.join(", ")}.`, "kind");
}
