"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { deleteAllHistoryAction, deleteHistoryEntryAction } from "@/lib/history/actions";
import type { ActionState } from "@/lib/validated-action";

/**
 * Deletes one saved calculation after a confirmation (it cannot be undone). The row then leaves
 * the list, so focus goes to the list's count rather than falling back to the page.
 */
export function DeleteEntryButton({ id, label }: { id: string; label: string }) {
  const [open, setOpen] = useState(false);
  const { show } = useToast();
  const deleted = useRef(false);
  // When the refreshed list drops this row (and this button with it), focus would fall to the page.
  useEffect(
    () => () => {
      if (deleted.current) document.getElementById("history-count")?.focus();
    },
    [],
  );
  const [state, action] = useActionState<ActionState, FormData>(async (prev, formData) => {
    const result = await deleteHistoryEntryAction(prev, formData);
    if (result.ok) {
      deleted.current = true;
      setOpen(false);
      if (result.message) show(result.message);
    }
    return result;
  }, {});
  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Delete ${label}`}>
        Delete
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete this calculation?" description={`${label}. This cannot be undone.`}>
        <form action={action} className="space-y-3">
          <input type="hidden" name="id" value={id} />
          {state.ok === false && <FormMessage message={state.message} />}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Keep it
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
