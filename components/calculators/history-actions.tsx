"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDelete, useConfirmedDelete } from "@/components/ui/confirm-delete";
import { deleteAllHistoryAction, deleteHistoryEntryAction } from "@/lib/history/actions";

/**
 * Deletes one saved calculation after a confirmation (it cannot be undone). The row then leaves
 * the list, so focus goes to the list's count rather than falling back to the page.
 */
export function DeleteEntryButton({ id, label }: { id: string; label: string }) {
  const { open, setOpen, state, action } = useConfirmedDelete(deleteHistoryEntryAction, "history-count");
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
  const { open, setOpen, state, action } = useConfirmedDelete(deleteAllHistoryAction);
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
