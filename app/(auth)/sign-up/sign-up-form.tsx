"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { FormMessage, Input, SubmitButton } from "@/components/ui";
import { signUpAction } from "@/lib/auth/actions";

/**
 * The sign-up card: the form, then (in its place, heading included) what to do next. `outbox`:
 * emails go to the development outbox instead of being sent (the demo), so say where to read them.
 */
export function SignUpForm({ outbox = false }: { outbox?: boolean }) {
  const [state, action] = useActionState(signUpAction, {});
  const done = useRef<HTMLHeadingElement>(null);
  // The form (and the focused button) gave way to the next steps: start reading there.
  useEffect(() => {
    if (state.ok) done.current?.focus();
  }, [state.ok]);
  if (state.ok) {
    return (
      <div className="space-y-4" data-testid="sign-up-done">
        <h1 ref={done} tabIndex={-1} className="text-xl font-semibold outline-none">
          Check your inbox
        </h1>
        <FormMessage tone="success" message={state.message} />
        {outbox && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            This demo sends no email: read it in the{" "}
            <a href="/dev/outbox" target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline dark:text-brand-500">
              development outbox
            </a>
            .
          </p>
        )}
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
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your Refi Alert account</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Already have one?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline dark:text-brand-500">
          Sign in
        </Link>
      </p>
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
    </>
  );
}
