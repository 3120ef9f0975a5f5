"use client";

import { useState, type ReactNode } from "react";
import { Button, Dialog, FormMessage, Input, SubmitButton } from "@/components/ui";
import { useAdminForm, type AdminFormAction } from "./use-admin-form";
type Variant = "primary" | "secondary" | "ghost" | "danger";

/**
 * One admin action as a one-button form: hidden fields carry the ids, the button shows a pending
 * state, the outcome is announced (toast on success, inline message on refusal). With `confirm`,
 * a dialog asks first.
 */
export function ActionButton({
  action,
  fields,
  label,
  pendingText,
  variant = "secondary",
  confirm,
}: {
  action: AdminFormAction;
  fields: Record<string, string>;
  label: string;
  pendingText?: string;
  variant?: Variant;
  confirm?: { title: string; description: ReactNode; confirmLabel: string };
}) {
  const [state, formAction] = useAdminForm(action);
  const [open, setOpen] = useState(false);
  const hidden = Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
  return (
    // A flex column, not space-y: the closed <dialog> below is still an element, and space-y gave
    // the form a bottom margin for it, which lifted the button above the middle of a table row.
    <div className="flex flex-col gap-2">
      <form action={formAction}>
        {hidden}
        {confirm ? (
          <Button type="button" variant={variant} size="sm" onClick={() => setOpen(true)}>
            {label}
          </Button>
        ) : (
          <SubmitButton variant={variant} size="sm" pendingText={pendingText}>
            {label}
          </SubmitButton>
        )}
      </form>
      {state.ok === false && <FormMessage message={state.errors?.form?.[0] ?? state.message} />}
      {confirm && (
        <Dialog open={open} onClose={() => setOpen(false)} title={confirm.title} description={confirm.description}>
          <form
            action={async (fd) => {
              setOpen(false);
              await formAction(fd);
            }}
            className="flex justify-end gap-2"
          >
            {hidden}
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <SubmitButton variant={variant === "danger" ? "danger" : "primary"} pendingText={pendingText}>
              {confirm.confirmLabel}
            </SubmitButton>
          </form>
        </Dialog>
      )}
    </div>
  );
}

/** Permanent deletion: the admin types the account's email address to confirm. */
export function PurgeButton({ action, userId, email }: { action: AdminFormAction; userId: string; email: string }) {
  const [state, formAction] = useAdminForm(action);
  // The form is inside the dialog, so it stays open to show a refusal; success redirects away.
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button type="button" variant="danger" size="sm" onClick={() => setOpen(true)}>
        Delete permanently…
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete this account permanently?"
        description={
          <>
            This removes the account with its mortgages, alerts, subscriptions, invoices and calculations. Email logs are kept without the
            user. Live subscriptions are cancelled at Stripe. It can&apos;t be undone. Type <strong className="break-all">{email}</strong> to confirm.
          </>
        }
      >
        <form action={formAction} className="space-y-4" noValidate>
          <input type="hidden" name="userId" value={userId} />
          <Input label="Email address" name="confirmEmail" autoComplete="off" required error={state.errors?.confirmEmail} defaultValue={state.values?.confirmEmail} />
          <FormMessage message={state.ok === false && !state.errors?.confirmEmail ? state.message : undefined} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <SubmitButton variant="danger" pendingText="Deleting…">
              Delete permanently
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
