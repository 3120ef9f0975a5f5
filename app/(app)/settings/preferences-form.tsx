"use client";

import { useActionState, useEffect, useRef } from "react";
import { Checkbox, FormMessage, Input, Select, SubmitButton } from "@/components/ui";
import { updatePreferencesAction } from "@/lib/account/actions";
import { CURRENCIES, CURRENCY_LABELS, DATE_FORMAT_LABELS, DATE_FORMATS, REFI_TERMS } from "@/lib/account/options";
import type { Preferences } from "@/lib/account/preferences";

/** Applies a theme at once (the cookie the action set makes it stick on the next page load). */
function applyTheme(theme: string) {
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.dataset.theme = theme;
}

function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 dark:border-slate-800">
      <legend className="float-left mb-2 w-full text-sm font-semibold text-slate-900 dark:text-slate-100">{legend}</legend>
      <div className="clear-both space-y-4">{children}</div>
    </fieldset>
  );
}

export function PreferencesForm({ prefs }: { prefs: Preferences }) {
  const [state, action] = useActionState(updatePreferencesAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  const initial = useRef(state);
  useEffect(() => {
    if (state.ok && state.values?.theme) applyTheme(state.values.theme);
    // The form was remounted with the answer (below), and its Save button with it, so the
    // button's own focus return (SubmitButton) has nothing to return to: do it here.
    if (state === initial.current) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
  }, [state]);
  // After a refused save, show what was typed; otherwise what is stored.
  const typed = state.ok === false ? state.values : undefined;
  const text = (name: keyof Preferences) => (typed ? (typed[name] ?? "") : String(prefs[name]));
  const checked = (name: keyof Preferences) => (typed ? typed[name] === "on" : Boolean(prefs[name]));
  // Remount after each answer so the uncontrolled fields pick up the values above.
  const key = JSON.stringify(state.values ?? prefs);
  return (
    <form ref={formRef} action={action} className="space-y-6" noValidate key={key}>
      <FormMessage tone={state.ok ? "success" : "error"} message={state.message} />
      <Fieldset legend="Email">
        <Checkbox label="Email me about my alerts" name="emailNotifications" defaultChecked={checked("emailNotifications")} hint="Turn off to stop every alert email (your alerts keep running)." />
        <Select
          label="Alert emails"
          name="alertFrequency"
          defaultValue={text("alertFrequency")}
          error={state.errors?.alertFrequency}
          className="max-w-xs"
          options={[
            { value: "instant", label: "Instantly, as each alert triggers" },
            { value: "daily", label: "Daily digest" },
            { value: "weekly", label: "Weekly digest" },
          ]}
        />
        <Checkbox label="Product news and tips" name="marketingEmails" defaultChecked={checked("marketingEmails")} hint="At most a couple of emails a month." />
      </Fieldset>
      <Fieldset legend="Display">
        <div className="grid gap-4 sm:grid-cols-3">
          <Select
            label="Theme"
            name="theme"
            defaultValue={text("theme")}
            error={state.errors?.theme}
            options={[
              { value: "light", label: "Light" },
              { value: "dark", label: "Dark" },
              { value: "system", label: "Same as my device" },
            ]}
          />
          <Select
            label="Currency"
            name="currency"
            defaultValue={text("currency")}
            error={state.errors?.currency}
            options={CURRENCIES.map((c) => ({ value: c, label: CURRENCY_LABELS[c] }))}
          />
          <Select
            label="Date format"
            name="dateFormat"
            defaultValue={text("dateFormat")}
            error={state.errors?.dateFormat}
            options={DATE_FORMATS.map((f) => ({ value: f, label: DATE_FORMAT_LABELS[f] }))}
          />
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Currency and date format apply to your own amounts and dates: on your pages, in the calculators, in your history export and in
          alert emails. Amounts are not converted. Prices and invoices stay in US dollars. Times of day follow this device&apos;s time zone.
        </p>
      </Fieldset>
      <Fieldset legend="Alerts and calculators">
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label="Minimum rate drop worth an alert (percentage points)"
            name="minRateDropThreshold"
            inputMode="decimal"
            defaultValue={text("minRateDropThreshold")}
            error={state.errors?.minRateDropThreshold}
            hint="0.125 is one eighth of a point."
            required
          />
          <Select
            label="Default refinance term"
            name="defaultRefiTerm"
            defaultValue={text("defaultRefiTerm")}
            error={state.errors?.defaultRefiTerm}
            options={REFI_TERMS.map((m) => ({ value: String(m), label: `${m / 12} years` }))}
            hint="The term a new alert starts with."
          />
        </div>
        <Checkbox label="Estimate refinance costs for me" name="autoCalculateRefiCost" defaultChecked={checked("autoCalculateRefiCost")} hint="Fills closing costs from your loan amount when you don't enter them." />
      </Fieldset>
      <Fieldset legend="Privacy">
        <Checkbox label="Share anonymous usage data" name="shareAnonymousData" defaultChecked={checked("shareAnonymousData")} hint="Aggregated, never your loan details. Helps us improve the calculators." />
      </Fieldset>
      <SubmitButton pendingText="Saving…">Save preferences</SubmitButton>
    </form>
  );
}
