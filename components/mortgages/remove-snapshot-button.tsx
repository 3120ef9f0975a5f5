"use client";

import { Button, ConfirmDelete } from "@/components/ui";
import { useConfirmedDelete } from "@/components/ui/confirm-delete";
import { removeSnapshotAction } from "@/lib/mortgages/actions";

/**
 * Removes one recorded balance (a mistaken entry) after a confirmation. The row then leaves the
 * table, so focus goes to the table's heading rather than falling back to the page.
 */
export function RemoveSnapshotButton({ id, label }: { id: string; label: string }) {
  const { open, setOpen, state, action } = useConfirmedDelete(removeSnapshotAction, "recorded-balances");
  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Remove the balance of ${label}`}>
        Remove
      </Button>
      <ConfirmDelete
        open={open}
        onClose={() => setOpen(false)}
        title="Remove this balance?"
        description={`The balance you recorded for ${label}. If it is your newest, the mortgage follows the one before it. This cannot be undone.`}
        action={action}
        state={state}
        keepLabel="Keep it"
        confirmLabel="Remove"
        pendingText="Removing…"
      >
        <input type="hidden" name="id" value={id} />
      </ConfirmDelete>
    </>
  );
}
