"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui";
import { openPortalAction } from "@/lib/billing/actions";
import type { ActionState } from "@/lib/validated-action";

/** Opens the Stripe Customer Portal (payment methods, billing details), which returns to /billing. */
export function PortalButton() {
  const [state, action] = useActionState<ActionState, FormData>(openPortalAction, {});
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary" pendingText="Opening Stripe…">
        Manage payment methods
      </SubmitButton>
      <FormMessage message={state.ok === false ? state.message : undefined} />
    </form>
  );
}
