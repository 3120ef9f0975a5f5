"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, Input, SubmitButton } from "@/components/ui";
import { signInAction } from "@/lib/auth/sign-in-action";

export function SignInForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.ok === false ? state.message : undefined} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Input label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.errors?.email} required />
      <Input label="Password" name="password" type="password" autoComplete="current-password" error={state.errors?.password} required />
      <SubmitButton className="w-full" pendingText="Signing in…">
        Sign in
      </SubmitButton>
      <div className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-brand-700 hover:underline dark:text-brand-500">Forgot password?</Link>
        <Link href="/sign-up" className="text-brand-700 hover:underline dark:text-brand-500">Create an account</Link>
      </div>
    </form>
  );
}
