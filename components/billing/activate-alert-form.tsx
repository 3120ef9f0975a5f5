"use client";

import { useActionState, useId } from "react";
import { FormMessage, SubmitButton } from "@/components/ui";
import { startCheckoutAction } from "@/lib/billing/actions";
import { formatCents } from "@/lib/format";
import type { ActionState } from "@/lib/validated-action";

export type PriceOption = { interval: "month" | "year"; amountCents: number };

/**
 * Posts to the server action that starts Stripe Checkout for this alert. Errors (unverified
 * email, already subscribed) are announced below the button; on success the browser leaves for
 * Stripe's checkout page.
 */
export function ActivateAlertForm({ alertId, prices }: { alertId: string; prices: PriceOption[] }) {
  const [state, action] = useActionState<ActionState, FormData>(startCheckoutAction, {});
  const id = useId();
  const chosen = state.values?.interval ?? (prices.some((p) => p.interval === "year") ? "year" : prices[0]?.interval);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="alertId" value={alertId} />
      {prices.length > 1 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Billing</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700 dark:text-slate-300">
            {prices.map((p) => (
              <label key={p.interval} className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="interval"
                  value={p.interval}
                  defaultChecked={chosen === p.interval}
                  className="size-4 accent-brand-600"
                />
                {formatCents(p.amountCents)} a {p.interval}
              </label>
            ))}
          </div>
        </fieldset>
      ) : prices[0] ? (
        <input type="hidden" name="interval" value={prices[0].interval} />
      ) : null}
      <SubmitButton pendingText="Opening secure checkout…" aria-describedby={`${id}-msg`}>
        Activate alert
      </SubmitButton>
      <div id={`${id}-msg`}>{state.ok === false ? <FormMessage message={state.message} /> : null}</div>
    </form>
  );
}
