"use client";

import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/validated-action";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { FormMessage } from "./field";
import { SubmitButton } from "./submit-button";
import { useToast } from "./toast";

/**
 * The state of a delete that asks first: the dialog's open flag, and the server action wrapped so
 * that success closes the dialog and shows its message as a toast. When the deleted row (and the
 * button with it) then leaves the page, focus goes to `focusAfter` (an element id) instead of
 * falling back to the page.
 */
export function useConfirmedDelete(serverAction: (prev: ActionState, formData: FormData) => Promise<ActionState>, focusAfter?: string) {
  const [open, setOpen] = useState(false);
  const { show } = useToast();
  const done = useRef(false);
  useEffect(
    () => () => {
      if (done.current && focusAfter) document.getElementById(focusAfter)?.focus();
    },
    [focusAfter],
  );
  const [state, action] = useActionState<ActionState, FormData>(async (prev, formData) => {
    const result = await serverAction(prev, formData);
    if (result.ok) {
      done.current = true;
      setOpen(false);
      if (result.message) show(result.message);
    }
    return result;
  }, {});
  return { open, setOpen, state, action };
}

/** A delete that asks first: the form (with its hidden fields), its error, keep or delete. */
export function ConfirmDelete({
  open,
  onClose,
  title,
  description,
  action,
  state,
  keepLabel,
  confirmLabel = "Delete",
  pendingText = "Deleting…",
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  action: (formData: FormData) => void;
  state: ActionState;
  keepLabel: string;
  confirmLabel?: string;
  pendingText?: string;
  children?: ReactNode;
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
          <SubmitButton variant="danger" pendingText={pendingText}>
            {confirmLabel}
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
