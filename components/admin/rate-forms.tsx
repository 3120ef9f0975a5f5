"use client";

import { Checkbox, FormMessage, Input, Select, SubmitButton } from "@/components/ui";
import { useAdminForm, type AdminFormAction as Action } from "./use-admin-form";

/** One week's rate, typed by an admin. */
export function RateEntryForm({ action, types, defaultDate }: { action: Action; types: { value: string; label: string }[]; defaultDate: string }) {
  const [state, formAction] = useAdminForm(action);
  const e = state.ok === false ? state.errors : undefined;
  const v = state.ok === false ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Record a week's rate">
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Week of" name="date" type="date" required defaultValue={v?.date ?? defaultDate} error={e?.date} hint="The survey's publication date: a Thursday, a day earlier in a holiday week." />
        <Select label="Rate type" name="rateType" options={types} defaultValue={v?.rateType} error={e?.rateType} />
        <Input label="Rate (%)" name="rate" inputMode="decimal" required placeholder="6.875" defaultValue={v?.rate} error={e?.rate} hint="Above 0 and at most 25, up to 3 decimals." />
        <Input label="Points (optional)" name="points" inputMode="decimal" placeholder="0.7" defaultValue={v?.points} error={e?.points} />
      </div>
      <FormMessage message={state.ok === false ? state.message : undefined} />
      <SubmitButton pendingText="Saving…">Save rate</SubmitButton>
    </form>
  );
}

/** A CSV file in any layout the importer reads (Freddie Mac's history, FRED, our own export). */
export function RateUploadForm({ action }: { action: Action }) {
  const [state, formAction] = useAdminForm(action);
  return (
    <form action={formAction} className="space-y-4" aria-label="Upload a rates CSV">
      <Input label="CSV file" name="file" type="file" accept=".csv,text/csv" required error={state.ok === false ? state.errors?.file : undefined} hint="Freddie Mac PMMS history, FRED, or date,rate_type,rate,points. Up to 5 MB." />
      <Checkbox label="Import the good rows even if some lines are rejected" name="partial" />
      <FormMessage message={state.ok === false ? state.message : undefined} />
      <SubmitButton pendingText="Importing…">Upload and import</SubmitButton>
    </form>
  );
}
