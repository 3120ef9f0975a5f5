"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/field";
import { confirmUnsubscribe } from "./actions";

export function UnsubscribeForm({ token }: { token: string }) {
  const [state, action] = useActionState(confirmUnsubscribe, {});
  if (state.ok) return <FormMessage tone="success" message={state.message} />;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state.message} />
      <SubmitButton pendingText="Unsubscribing…">Stop alert emails</SubmitButton>
    </form>
  );
}
