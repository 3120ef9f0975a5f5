"use client";

import { useActionState, useState } from "react";
import { Button, Dialog, FormMessage, Input, SubmitButton } from "@/components/ui";
import { deleteAccountAction, signOutEverywhereAction } from "@/lib/account/actions";

export function SignOutEverywhere() {
  const [state, action] = useActionState(signOutEverywhereAction, {});
  return (
    <form action={action} className="space-y-3">
      <FormMessage message={state.ok === false ? state.message : undefined} />
      <SubmitButton variant="secondary" pendingText="Signing out…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}

export function DeleteAccount() {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(deleteAccountAction, {});
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete my account…
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete your account?" description="Your subscription is cancelled at once, your alerts stop, and you are signed out. This can't be undone.">
        <form action={action} className="space-y-4" noValidate>
          <FormMessage message={state.ok === false ? state.message : undefined} />
          <Input label="Your password" name="deletePassword" type="password" autoComplete="current-password" maxLength={128} error={state.errors?.deletePassword} required />
          <Input label='Type "DELETE" to confirm' name="confirm" autoComplete="off" defaultValue={state.values?.confirm} error={state.errors?.confirm} required />
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Keep my account
            </Button>
            <SubmitButton variant="danger" pendingText="Deleting…">
              Delete account
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
