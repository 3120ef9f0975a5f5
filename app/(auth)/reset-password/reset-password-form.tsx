"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, Input, SubmitButton } from "@/components/ui";
import { resetPasswordAction } from "@/lib/auth/actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, {});
  const refused = state.ok === false && !state.errors;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.ok === false ? state.message : undefined} />
      {refused && (
        <Link href="/forgot-password" className="inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-500">
          Get a new reset link
        </Link>
      )}
      <input type="hidden" name="token" value={token} />
      <Input
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        hint="At least 12 characters. A few unrelated words make a strong, memorable password."
        error={state.errors?.password}
        required
      />
      <Input label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" maxLength={128} error={state.errors?.confirmPassword} required />
      <SubmitButton className="w-full" pendingText="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
