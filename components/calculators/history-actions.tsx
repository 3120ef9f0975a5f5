"use client";

import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
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
      <ConfirmDelete open={open} onClose={() => setOpen(false)} title="Delete this calculation?" description={`${label}. This cannot be undone.`} action={action} state={state} keepLabel="Keep it">
        <input type="hidden" name="id" value={id} />
      </ConfirmDelete>
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
      <ConfirmDelete open={open} onClose={() => setOpen(false)} title={`${label}?`} description="This cannot be undone. Your mortgages and alerts are not affected." action={action} state={state} keepLabel="Cancel">
        <input type="hidden" name="type" value={type ?? ""} />
      </ConfirmDelete>
    </>
  );
}

/** The confirmation both deletes share: the form (with its hidden fields), its error, keep or delete. */
function ConfirmDelete({
  open,
  onClose,
  title,
  description,
  action,
  state,
  keepLabel,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  action: (formData: FormData) => void;
  state: ActionState;
  keepLabel: string;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <form action={action} className="space-y-3">
        {children}
        {state.ok === false && <FormMessage message={state.message} />}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {keepLabel}
          </Button>
          <SubmitButton variant="danger" pendingText="Deleting…">
            Delete
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
