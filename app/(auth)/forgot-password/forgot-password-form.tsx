"use client";

import { useActionState } from "react";
import { FormMessage, Input, SubmitButton } from "@/components/ui";
import { forgotPasswordAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage tone={state.ok ? "success" : "error"} message={state.message} />
      <Input label="Email" name="email" type="email" autoComplete="email" maxLength={255} defaultValue={state.values?.email} error={state.errors?.email} required />
      <SubmitButton className="w-full" pendingText="Sending…">
        {state.ok ? "Send another link" : "Send reset link"}
      </SubmitButton>
    </form>
  );
}
