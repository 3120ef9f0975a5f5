"use client";

import { useActionState, useState } from "react";
import { Button, Dialog, FormMessage, SubmitButton } from "@/components/ui";
import { changeAlertAction } from "@/lib/alerts/actions";

/** Pause/resume, dismiss/restore and delete (with a confirmation) for one alert. */
export function AlertControls({ alertId, paused, dismissed, monitored }: { alertId: string; paused: boolean; dismissed: boolean; monitored: boolean }) {
  const [state, action] = useActionState(changeAlertAction, {});
  const [confirming, setConfirming] = useState(false);
  const button = (change: string, label: string, pending: string, variant: "secondary" | "danger" = "secondary") => (
    <form action={action}>
      <input type="hidden" name="alertId" value={alertId} />
      <input type="hidden" name="change" value={change} />
      <SubmitButton variant={variant} size="sm" pendingText={pending}>
        {label}
      </SubmitButton>
    </form>
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {/* Nothing to pause while it is not watching (awaiting payment, or payment lapsed). */}
        {!dismissed && (paused ? button("resume", "Resume", "Resuming…") : monitored && button("pause", "Pause", "Pausing…"))}
        {dismissed ? button("restore", "Restore", "Restoring…") : button("dismiss", "Dismiss alert", "Dismissing…")}
        <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      </div>
      <p className="max-w-md text-xs text-slate-500 dark:text-slate-400">
        {monitored || paused ? "Pause stops the weekly check until you resume it. " : ""}Dismiss puts the alert aside (say, once you have refinanced) until you restore
        it. Neither changes billing; deleting ends the subscription with the period paid for.
      </p>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Delete this alert?"
        description={
          monitored
            ? "It stops watching the market at once, and its subscription ends with the period you have paid for: no further charges."
            : "It stops watching the market and disappears from your alerts."
        }
      >
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
          {button("delete", "Delete alert", "Deleting…", "danger")}
        </div>
      </Dialog>
    </div>
  );
}
