"use client";

import { Checkbox, FormMessage, Input, Select, SubmitButton } from "@/components/ui";
import { useState } from "react";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_TEXT, TOO_LARGE_MESSAGE } from "@/lib/admin/upload-limit";
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
  // A file over the limit is refused here: sent, Next would turn the request away before the
  // action could answer at the field.
  const [tooLarge, setTooLarge] = useState(false);
  const submit = async (data: FormData) => {
    const file = data.get("file");
    const over = file instanceof File && file.size > MAX_UPLOAD_BYTES;
    setTooLarge(over);
    if (!over) await formAction(data);
  };
  const fileError = tooLarge ? [TOO_LARGE_MESSAGE] : state.ok === false ? state.errors?.file : undefined;
  return (
    <form action={submit} className="space-y-4" aria-label="Upload a rates CSV">
      <Input label="CSV file" name="file" type="file" accept=".csv,text/csv" required error={fileError} onChange={() => setTooLarge(false)} hint={`Freddie Mac PMMS history, FRED, or date,rate_type,rate,points. Up to ${MAX_UPLOAD_TEXT}.`} />
      <Checkbox label="Import the good rows even if some lines are rejected" name="partial" />
      <FormMessage message={state.ok === false ? state.message : undefined} />
      <SubmitButton pendingText="Importing…">Upload and import</SubmitButton>
    </form>
  );
}
