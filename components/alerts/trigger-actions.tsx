"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui";
import { triggerAction } from "@/lib/alerts/actions";

/** Dismiss, snooze 7 days, "I contacted a lender": each recorded on the trigger. */
export function TriggerActions({ triggerId, open }: { triggerId: string; open: boolean }) {
  const [state, action] = useActionState(triggerAction, {});
  const button = (value: string, label: string, pending: string, variant: "primary" | "secondary" = "secondary") => (
    <form action={action}>
      <input type="hidden" name="triggerId" value={triggerId} />
      <input type="hidden" name="action" value={value} />
      <SubmitButton variant={variant} size="sm" pendingText={pending}>
        {label}
      </SubmitButton>
    </form>
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {button("contacted", "I contacted a lender", "Saving…", "primary")}
        {open && button("snooze", "Snooze 7 days", "Snoozing…")}
        {open && button("dismiss", "Dismiss", "Dismissing…")}
      </div>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
    </div>
  );
}
