"use client";

import { Checkbox, FormMessage, Input, Select, SubmitButton } from "@/components/ui";
import { useAdminForm, type AdminFormAction } from "./use-admin-form";

/** A new price for one plan: a new row and a new Stripe price; the old one stays in the history. */
export function NewPriceForm({ action, planId, planName }: { action: AdminFormAction; planId: string; planName: string }) {
  const [state, formAction] = useAdminForm(action);
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
