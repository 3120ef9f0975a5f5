"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui";
import { resendVerificationAction } from "@/lib/auth/actions";

export function ResendForm() {
  const [state, action] = useActionState(resendVerificationAction, {});
  return (
    <form action={action} className="space-y-3">
      <FormMessage tone={state.ok ? "success" : "error"} message={state.message} />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send a new link
      </SubmitButton>
    </form>
  );
}
