"use client";

import { useActionState, useEffect } from "react";
import { Checkbox, FormMessage, Input, Select, SubmitButton, useToast } from "@/components/ui";
import type { ActionState } from "@/lib/validated-action";

/** A new price for one plan: a new row and a new Stripe price; the old one stays in the history. */
export function NewPriceForm({ action, planId, planName }: { action: (prev: ActionState, fd: FormData) => Promise<ActionState>; planId: string; planName: string }) {
  const [state, formAction] = useActionState(action, {});
  const toast = useToast();
  useEffect(() => {
    if (state.ok && state.message) toast.show(state.message);
  }, [state, toast]);
  const e = state.ok === false ? state.errors : undefined;
  const v = state.ok === false ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={`New price for ${planName}`}>
      <input type="hidden" name="planId" value={planId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Amount (USD)" name="amount" inputMode="decimal" required placeholder="120.00" defaultValue={v?.amount} error={e?.amount} />
        <Select
          label="Billed"
          name="interval"
          defaultValue={v?.interval ?? "year"}
          error={e?.interval}
          options={[
            { value: "year", label: "Yearly" },
            { value: "month", label: "Monthly" },
          ]}
        />
      </div>
      <Checkbox label="Replace the current price for this billing period" hint="New customers get the new price; existing subscribers keep theirs." name="replaceCurrent" defaultChecked />
      <FormMessage message={state.ok === false ? state.message : undefined} />
      <SubmitButton pendingText="Creating at Stripe…">Add price</SubmitButton>
    </form>
  );
}
