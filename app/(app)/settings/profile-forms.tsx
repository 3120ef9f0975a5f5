"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormMessage, Input, SubmitButton } from "@/components/ui";
import { changeEmailAction, changeNameAction, changePasswordAction } from "@/lib/account/actions";

export function NameForm({ name }: { name: string }) {
  const [state, action] = useActionState(changeNameAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage tone={state.ok ? "success" : "error"} message={state.message} />
      <Input label="Name" name="name" autoComplete="name" maxLength={100} defaultValue={state.values?.name ?? name} error={state.errors?.name} required className="max-w-sm" />
      <SubmitButton pendingText="Saving…">Save name</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, action] = useActionState(changeEmailAction, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormMessage tone={state.ok ? "success" : "error"} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="New email address" name="newEmail" type="email" autoComplete="email" maxLength={255} defaultValue={state.ok ? "" : state.values?.newEmail} error={state.errors?.newEmail} required />
        <Input label="Current password" name="emailPassword" type="password" autoComplete="current-password" maxLength={128} error={state.errors?.emailPassword} required />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">We&apos;ll send a link to the new address; your email changes only when you open it.</p>
      <SubmitButton variant="secondary" pendingText="Sending link…">
        Change email
      </SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage tone={state.ok ? "success" : "error"} message={state.ok ? undefined : state.message} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Input label="Current password" name="currentPassword" type="password" autoComplete="current-password" maxLength={128} error={state.errors?.currentPassword} required />
        <Input label="New password" name="newPassword" type="password" autoComplete="new-password" minLength={12} maxLength={128} error={state.errors?.newPassword} required />
        <Input label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" maxLength={128} error={state.errors?.confirmPassword} required />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">At least 12 characters; very common passwords are refused.</p>
      <SubmitButton variant="secondary" pendingText="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
