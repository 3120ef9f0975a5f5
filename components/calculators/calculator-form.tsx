"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Banner, Card } from "@/components/ui/card";
import { FormMessage, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { DisplayFormatProvider, useRememberedDisplay } from "@/components/display-format";
import type { CalculatorType } from "@/lib/calc";
import { DEFAULT_DISPLAY, formatterFor, type DisplayFormat, type Formatter } from "@/lib/format";
import { calculateAction, calculatorExtrasAction, type CalculatorExtras } from "@/lib/history/actions";
import type { FieldErrors } from "@/lib/history/calculate";
import { describeResult } from "./describe";
import { calculatorMeta, calculatorPath, defaultValues, type FieldUnit, type FormValues } from "./meta";
import { prefillFromMortgage } from "./prefill";
import { CalculatorResults, type AnyOutput, type MarketRates } from "./results";

export type ShownResult = { input: Record<string, number>; output: AnyOutput };

const unitLabel = (unit: FieldUnit, fmt: Formatter) => ({ dollars: fmt.symbol, percent: "%", years: "years", months: "months" })[unit];

type SaveStatus = { saved: boolean; signedIn: boolean; notice?: string } | null;

export function CalculatorForm({
  type,
  initialValues,
  initialErrors,
  initialResult,
  isExample,
  marketRates,
  renderedDisplay = DEFAULT_DISPLAY,
}: {
  type: CalculatorType;
  initialValues: FormValues;
  initialErrors: FieldErrors | null;
  initialResult: ShownResult | null;
  isExample: boolean;
  marketRates: MarketRates;
  /** The display format the server rendered with (the display cookie's, on a per-request page). */
  renderedDisplay?: DisplayFormat;
}) {
  const meta = calculatorMeta[type];
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>(initialErrors ?? {});
  const [message, setMessage] = useState<string | null>(initialErrors ? "Some values in this link can't be used. Please correct the highlighted fields." : null);
  const [result, setResult] = useState(initialResult);
  const [example, setExample] = useState(isExample);
  const [status, setStatus] = useState<SaveStatus>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  // Null until calculatorExtrasAction answers; undefined display if it could not be asked.
  const [extras, setExtras] = useState<(Omit<CalculatorExtras, "display"> & { display?: DisplayFormat }) | null>(null);
  const [mortgageId, setMortgageId] = useState("");
  const [prefillNote, setPrefillNote] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The example's own result (known on the plain page, not on a shared link), for Reset.
  const exampleResult = useRef(isExample ? initialResult : null);
  const toast = useToast();
  // A signed-in visitor's own currency: the one this browser remembers for them (from the first
  // paint where the server could read it), then the session's once calculatorExtrasAction answers.
  const remembered = useRememberedDisplay(renderedDisplay);
  const display = extras?.display ?? remembered;
  const fmt = formatterFor(display);

  // The page is prerendered: until this runs, Calculate submits the plain GET form (the result
  // shows, nothing is saved). Marked once the form is live, for scripts and tests to wait on.
  useEffect(() => {
    formRef.current?.setAttribute("data-ready", "");
  }, []);

  // A signed-in visitor's mortgages, asked for after load so the page itself stays cookie-free.
  useEffect(() => {
    let live = true;
    calculatorExtrasAction()
      .then((x) => {
        if (!live) return;
        setExtras(x);
        // Reopened from history: that run's mortgage is chosen again (if it is still one of theirs),
        // without refilling the inputs, which are the run's own.
        const wanted = new URLSearchParams(window.location.search).get("mortgage");
        if (wanted && x.mortgages.some((m) => m.id === wanted)) setMortgageId(wanted);
      })
      .catch(() => live && setExtras({ signedIn: false, mortgages: [] }));
    return () => {
      live = false;
    };
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      let state: Awaited<ReturnType<typeof calculateAction>>;
      try {
        state = await calculateAction(type, values, mortgageId || null);
      } catch {
        setMessage("The calculation could not be run. Check your connection and try again.");
        return;
      }
      if (!state.ok) {
        setErrors(state.errors);
        setMessage(state.message);
        setAnnouncement("");
        const first = meta.fields.find((f) => state.errors[f.name]);
        if (first) document.getElementById(`field-${first.name}`)?.focus();
        return;
      }
      setErrors({});
      setMessage(null);
      setExample(false);
      setResult({ input: state.input as Record<string, number>, output: state.output as AnyOutput });
      setStatus({ saved: state.saved, signedIn: state.signedIn, notice: state.notice });
      setAnnouncement(`Result updated: ${describeResult(type, (state.output as AnyOutput).summary as Record<string, unknown>, fmt)}`);
      // The URL now holds the inputs: reload it, bookmark it or share it for the same result.
      window.history.replaceState(null, "", state.url);
    });
  }

  function chooseMortgage(id: string) {
    setMortgageId(id);
    const mortgage = extras?.mortgages.find((m) => m.id === id);
    if (!mortgage) {
      setPrefillNote(null);
      return;
    }
    const { values: filled, roundedTerm } = prefillFromMortgage(type, mortgage, marketRates);
    setValues((v) => ({ ...v, ...filled }));
    setErrors({});
    setPrefillNote(
      `Filled from ${mortgage.name}.${roundedTerm ? " Its term is not whole years, so the term was rounded to the nearest year." : ""} Press Calculate to see the result.`,
    );
  }

  /** Back to the example: its inputs, and its result when the page has it (else none, not a stale one). */
  function resetToExample() {
    const known = exampleResult.current;
    setValues(defaultValues(type));
    setErrors({});
    setMessage(null);
    setMortgageId("");
    setPrefillNote(null);
    setStatus(null);
    setResult(known);
    setExample(known !== null);
    setAnnouncement(known ? "Reset to the example." : "Reset to the example. Press Calculate to see its result.");
    // The address no longer holds the old inputs: a reload or a shared link shows the example.
    window.history.replaceState(null, "", calculatorPath(type));
  }

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      toast.show("Link copied. Anyone who opens it sees this result.");
    } catch {
      toast.show("Copy the address from your browser's address bar to share this result.", { tone: "info" });
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_1fr] lg:items-start">
      <Card>
        <form ref={formRef} method="get" action={calculatorPath(type)} onSubmit={onSubmit} noValidate aria-label={`${meta.title} calculator`} className="space-y-4">
          {extras?.signedIn && extras.mortgages.length > 0 && (
            <Select
              label="Fill from my mortgage"
              name="mortgageId"
              value={mortgageId}
              onChange={(e) => chooseMortgage(e.target.value)}
              options={[{ value: "", label: "Choose a mortgage…" }, ...extras.mortgages.map((m) => ({ value: m.id, label: m.name }))]}
              error={errors.mortgageId}
              hint={prefillNote ?? undefined}
            />
          )}
          {extras?.signedIn && extras.mortgages.length === 0 && (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              <Link href="/mortgages" className="font-medium text-brand-700 underline dark:text-brand-500">
                Add a mortgage
              </Link>{" "}
              to fill these forms from it.
            </p>
          )}
          {meta.fields.map((field) => (
            <Input
              key={field.name}
              label={`${field.label} (${unitLabel(field.unit, fmt)})`}
              name={field.name}
              inputMode={field.unit === "dollars" || field.unit === "percent" ? "decimal" : "numeric"}
              autoComplete="off"
              value={values[field.name] ?? ""}
              onChange={(e) => {
                const value = e.target.value;
                setValues((v) => ({ ...v, [field.name]: value }));
              }}
              error={errors[field.name]}
              hint={field.hint}
              required={!field.optional}
            />
          ))}
          <FormMessage message={message} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending} aria-disabled={pending}>
              {pending && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
              {pending ? "Calculating…" : "Calculate"}
            </Button>
            <Button type="button" variant="ghost" onClick={resetToExample}>
              Reset to example
            </Button>
          </div>
        </form>
      </Card>

      <section aria-labelledby="result-heading" aria-busy={pending} className="min-w-0">
        <Card className="space-y-5">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 id="result-heading" className="text-base font-semibold">
                Result
              </h2>
              {example && result && (
                <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">An example with the demo loan. Change the numbers and press Calculate.</p>
              )}
            </div>
            {!example && result && (
              <Button type="button" variant="secondary" size="sm" onClick={copyLink}>
                Copy link
              </Button>
            )}
          </div>
          {status?.notice && <Banner tone="warning">{status.notice}</Banner>}
          {status?.saved && (
            <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="save-status">
              {status.signedIn ? (
                <>
                  Saved to{" "}
                  <Link href="/history" className="font-medium text-brand-700 underline dark:text-brand-500">
                    your history
                  </Link>
                  .
                </>
              ) : (
                <>
                  Saved in this browser for 30 days.{" "}
                  <Link href="/sign-up" className="font-medium text-brand-700 underline dark:text-brand-500">
                    Create an account
                  </Link>{" "}
                  or{" "}
                  <Link href="/sign-in?next=/history" className="font-medium text-brand-700 underline dark:text-brand-500">
                    sign in
                  </Link>{" "}
                  to keep your calculations.
                </>
              )}
            </p>
          )}
          <div className={pending ? "space-y-5 opacity-60 transition-opacity" : "space-y-5"}>
            {result ? (
              <DisplayFormatProvider display={display}>
                <CalculatorResults output={result.output} input={result.input} marketRates={marketRates} />
              </DisplayFormatProvider>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {Object.keys(errors).length > 0 ? "Correct the highlighted fields and press Calculate to see the result." : "Press Calculate to see the result."}
              </p>
            )}
          </div>
        </Card>
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </section>
    </div>
  );
}
