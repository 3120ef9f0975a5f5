"use client";

import Link from "next/link";
import { stripNumberText } from "@/lib/calc/number-text";
import { useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { FormMessage, Input, Select, SubmitButton, Checkbox, buttonClass } from "@/components/ui";
import { useFormat } from "@/components/display-format";
import type { ActionState } from "@/lib/validated-action";
import { todayIn } from "@/lib/mortgages/dates";
import { tryPositionAsOf } from "@/lib/mortgages/projection";
import type { MortgageFormValues } from "./form-values";
import { OCCUPANCY_LABELS, OCCUPANCY_TYPES, PROPERTY_TYPE_LABELS, PROPERTY_TYPES } from "@/lib/mortgages/schemas";

const toNumber = (s: string | undefined) => {
  const cleaned = stripNumberText(s ?? "");
  return cleaned === "" || Number.isNaN(Number(cleaned)) ? undefined : Number(cleaned);
};

/**
 * Add / edit form. Remaining principal and term pre-fill from the amortization schedule as of
 * today while the owner has not typed in them (on a new mortgage); the server does the same for
 * blank fields, so the numbers agree. Uncontrolled inputs with `defaultValue` from the last
 * submission: after an error React resets the form to exactly what was submitted.
 */
export function MortgageForm({
  action,
  initial,
  mortgageId,
  maskedLoanNumber,
  cancelHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: MortgageFormValues;
  mortgageId?: string;
  maskedLoanNumber?: string;
  cancelHref: string;
}) {
  const fmt = useFormat();
  const [state, formAction] = useActionState(action, {});
  const v = (key: keyof MortgageFormValues) => state.values?.[key] ?? initial[key];
  const e = state.errors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  // Pre-fill stays on until the owner types in a remaining field (edits start with it off).
  const auto = useRef({ remainingPrincipal: !initial.remainingPrincipal, remainingTerm: !initial.remainingTerm });
  const [suggestion, setSuggestion] = useState<string | null>(null);

  const recompute = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
    const termYears = toNumber(field("termYears")?.value);
    const position = tryPositionAsOf(
      { principal: toNumber(field("originalPrincipal")?.value), ratePercent: toNumber(field("originalRate")?.value), termMonths: termYears === undefined ? undefined : termYears * 12 },
      field("originationDate")?.value || undefined,
      todayIn(fmt.display.timeZone),
    );
    if (!position) return setSuggestion(null);
    setSuggestion(`From the schedule as of today: ${fmt.dollars(position.balance)} and ${position.monthsLeft} months left.`);
    const principalInput = field("remainingPrincipal");
    const termInput = field("remainingTerm");
    if (auto.current.remainingPrincipal && principalInput) principalInput.value = position.balance.toFixed(2);
    if (auto.current.remainingTerm && termInput) termInput.value = String(position.monthsLeft);
  }, [fmt]);

  useEffect(() => recompute(), [recompute]);

  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.name === "remainingPrincipal" || target.name === "remainingTerm") {
      auto.current[target.name] = target.value.trim() === "";
    } else if (["originalPrincipal", "termYears", "originalRate", "originationDate"].includes(target.name)) {
      recompute();
    }
  };

  return (
    <form ref={formRef} action={formAction} onInput={onInput} noValidate className="space-y-8">
      <FormMessage message={state.ok === false ? state.message : undefined} />
      {mortgageId && <input type="hidden" name="id" value={mortgageId} />}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">The loan</legend>
        <Input label="Name" name="name" defaultValue={v("name")} error={e.name} hint="Unique among your mortgages, e.g. “Maple Street home”." maxLength={100} required />
        <Input label="ZIP code" name="zipCode" defaultValue={v("zipCode")} error={e.zipCode} inputMode="numeric" autoComplete="postal-code" maxLength={5} required />
        <Input label={`Original principal (${fmt.symbol})`} name="originalPrincipal" defaultValue={v("originalPrincipal")} error={e.originalPrincipal} inputMode="decimal" hint={`${fmt.dollars(1000, { whole: true })} to ${fmt.dollars(100_000_000, { whole: true })}`} required />
        <Input label="Original term (years)" name="termYears" defaultValue={v("termYears")} error={e.termYears} inputMode="numeric" hint="1 to 50 years" required />
        <Input label="Original interest rate (%)" name="originalRate" defaultValue={v("originalRate")} error={e.originalRate} inputMode="decimal" hint="0% to 25%, e.g. 6.875" required />
        <Input label="Origination date" name="originationDate" type="date" defaultValue={v("originationDate")} error={e.originationDate} max={todayIn(fmt.display.timeZone)} hint="Optional; lets us project your balance." />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Where it stands today</legend>
        <p className="text-sm text-slate-600 sm:col-span-2 dark:text-slate-400" aria-live="polite">
          {suggestion ?? "Leave these blank to use the schedule as of today (or the original loan if there is no origination date)."}
        </p>
        <Input label={`Remaining principal (${fmt.symbol})`} name="remainingPrincipal" defaultValue={v("remainingPrincipal")} error={e.remainingPrincipal} inputMode="decimal" hint="Not more than the original principal." />
        <Input label="Remaining term (months)" name="remainingTerm" defaultValue={v("remainingTerm")} error={e.remainingTerm} inputMode="numeric" hint="Payments left, as on your statement." />
        <Input label="Credit score" name="creditScore" defaultValue={v("creditScore")} error={e.creditScore} inputMode="numeric" hint="Optional, 300 to 850." />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">The property</legend>
        <Select
          label="Property type"
          name="propertyType"
          defaultValue={v("propertyType")}
          error={e.propertyType}
          options={[{ value: "", label: "Not specified" }, ...PROPERTY_TYPES.map((t) => ({ value: t, label: PROPERTY_TYPE_LABELS[t] }))]}
        />
        <Select
          label="Occupancy"
          name="occupancyType"
          defaultValue={v("occupancyType")}
          error={e.occupancyType}
          options={OCCUPANCY_TYPES.map((t) => ({ value: t, label: OCCUPANCY_LABELS[t] }))}
        />
        <Input label={`Estimated property value (${fmt.symbol})`} name="estimatedPropertyValue" defaultValue={v("estimatedPropertyValue")} error={e.estimatedPropertyValue} inputMode="decimal" hint="Optional; shows your equity and loan-to-value." />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Lender</legend>
        <Input label="Lender name" name="lenderName" defaultValue={v("lenderName")} error={e.lenderName} maxLength={100} autoComplete="off" />
        <Input
          label="Loan number"
          name="loanNumber"
          defaultValue={state.values?.loanNumber ?? ""}
          error={e.loanNumber}
          autoComplete="off"
          hint={maskedLoanNumber ? `Stored as ${maskedLoanNumber}. Leave blank to keep it.` : "Optional. Stored encrypted; we only ever show the last four characters."}
        />
        {maskedLoanNumber && <Checkbox label="Remove the stored loan number" name="clearLoanNumber" defaultChecked={state.values?.clearLoanNumber === "on"} />}
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingText="Saving…">{mortgageId ? "Save changes" : "Add mortgage"}</SubmitButton>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
