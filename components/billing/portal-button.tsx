"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui";
import { openPortalAction } from "@/lib/billing/actions";
import type { ActionState } from "@/lib/validated-action";

/** Opens the Stripe Customer Portal (payment methods, billing details), which returns to /billing. */
export function PortalButton() {
  const [state, action] = useActionState<ActionState, FormData>(openPortalAction, {});
  return (
    // The message hangs below the button (it sits in the page header's action slot): it must not
    // push the header's title and description down.
    <form action={action} className="relative">
      <SubmitButton variant="secondary" pendingText="Opening Stripe…">
        Manage payment methods
      </SubmitButton>
      {state.ok === false && state.message && (
        <div className="z-10 mt-2 w-72 max-w-[calc(100vw-2rem)] sm:absolute sm:right-0 sm:top-full">
          <FormMessage message={state.message} />
        </div>
      )}
    </form>
  );
}
