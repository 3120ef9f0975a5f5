"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { deleteAllHistoryAction, deleteHistoryEntryAction } from "@/lib/history/actions";
import type { ActionState } from "@/lib/validated-action";

/** Deletes one saved calculation (the list re-renders without it). */
export function DeleteEntryButton({ id, label }: { id: string; label: string }) {
  const { show } = useToast();
  const [state, action] = useActionState<ActionState, FormData>(async (prev, formData) => {
    const result = await deleteHistoryEntryAction(prev, formData);
    if (result.ok && result.message) show(result.message);
    return result;
  }, {});
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="ghost" size="sm" pendingText="Deleting…" aria-label={`Delete ${label}`}>
        Delete
      </SubmitButton>
      {state.ok === false && <FormMessage message={state.message} />}
    </form>
  );
}

/** Deletes every saved calculation (of the filtered type), after a confirmation. */
export function DeleteAllButton({ type, label }: { type: string | null; label: string }) {
  const [open, setOpen] = useState(false);
  const { show } = useToast();
  const [state, action] = useActionState<ActionState, FormData>(async (prev, formData) => {
    const result = await deleteAllHistoryAction(prev, formData);
    if (result.ok) {
      setOpen(false);
      if (result.message) show(result.message);
    }
    return result;
  }, {});
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`${label}?`} description="This cannot be undone. Your mortgages and alerts are not affected.">
        <form action={action} className="space-y-3">
          <input type="hidden" name="type" value={type ?? ""} />
          {state.ok === false && <FormMessage message={state.message} />}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <SubmitButton variant="danger" pendingText="Deleting…">
              Delete
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
