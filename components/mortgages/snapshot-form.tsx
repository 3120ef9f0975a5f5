"use client";

import { useActionState } from "react";
import { FormMessage, Input, SubmitButton } from "@/components/ui";
import { addSnapshotAction } from "@/lib/mortgages/actions";
import { todayIn } from "@/lib/mortgages/dates";
import { useFormat } from "@/components/display-format";

/** "Today my balance is X, rate Y, Z months left." Defaults: today and the mortgage's current figures. */
export function SnapshotForm({ mortgageId, defaults }: { mortgageId: string; defaults: { balance: string; rate: string; monthsLeft: string } }) {
  const [state, action] = useActionState(addSnapshotAction, {});
  const fmt = useFormat();
  const today = todayIn(fmt.display.timeZone);
  // After a success the form resets to the (revalidated) current figures; after an error, to what was typed.
  const failed = state.ok === false;
  const v = (key: "recordedOn" | "balance" | "rate" | "monthsLeft", fallback: string) => (failed ? (state.values?.[key] ?? fallback) : fallback);
  const e = failed ? (state.errors ?? {}) : {};
  return (
    <form action={action} noValidate className="space-y-4">
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="mortgageId" value={mortgageId} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Input label="Date" name="recordedOn" type="date" defaultValue={v("recordedOn", today)} max={today} error={e.recordedOn} hint="Recording a date again corrects that day." required />
        <Input label={`Balance (${fmt.symbol})`} name="balance" defaultValue={v("balance", defaults.balance)} error={e.balance} inputMode="decimal" required />
        <Input label="Interest rate (%)" name="rate" defaultValue={v("rate", defaults.rate)} error={e.rate} inputMode="decimal" required />
        <Input label="Months left" name="monthsLeft" defaultValue={v("monthsLeft", defaults.monthsLeft)} error={e.monthsLeft} inputMode="numeric" required />
      </div>
      <SubmitButton pendingText="Recording…">Record balance</SubmitButton>
    </form>
  );
}
