"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui";
import { setCancelAtPeriodEndAction } from "@/lib/billing/actions";
import type { ActionState } from "@/lib/validated-action";

/** "Cancel at period end" or "Resume": one button, the outcome announced beside it. */
export function CancelToggle({ subscriptionId, cancelAtPeriodEnd, label }: { subscriptionId: string; cancelAtPeriodEnd: boolean; label: string }) {
  const [state, action] = useActionState<ActionState, FormData>(setCancelAtPeriodEndAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <input type="hidden" name="cancel" value={cancelAtPeriodEnd ? "false" : "true"} />
      {cancelAtPeriodEnd ? (
        <SubmitButton variant="secondary" size="sm" pendingText="Resuming…" aria-label={`Resume subscription for ${label}`}>
          Resume subscription
        </SubmitButton>
      ) : (
        <SubmitButton variant="secondary" size="sm" pendingText="Cancelling…" aria-label={`Cancel at period end: ${label}`}>
          Cancel at period end
        </SubmitButton>
      )}
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}
