"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, Input, SubmitButton } from "@/components/ui";
import { signUpAction } from "@/lib/auth/actions";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, {});
  if (state.ok) {
    return (
      <div className="space-y-4" data-testid="sign-up-done">
        <h2 className="text-lg font-semibold">Check your inbox</h2>
        <FormMessage tone="success" message={state.message} />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No email after a few minutes? Check your spam folder. Once you&apos;re signed in you can ask for a new link.
        </p>
        <Link href="/sign-in" className="inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-500">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.ok === false ? state.message : undefined} />
      <Input label="Name" name="name" autoComplete="name" maxLength={100} defaultValue={state.values?.name} error={state.errors?.name} required />
      <Input label="Email" name="email" type="email" autoComplete="email" maxLength={255} defaultValue={state.values?.email} error={state.errors?.email} required />
      <Input
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        hint="At least 12 characters. A few unrelated words make a strong, memorable password."
        error={state.errors?.password}
        required
      />
      <Input label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" maxLength={128} error={state.errors?.confirmPassword} required />
      <SubmitButton className="w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
      <p className="text-xs text-slate-500 dark:text-slate-400">We&apos;ll email you a link to confirm your address.</p>
    </form>
  );
}
