"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useRememberedDisplay } from "@/components/display-format";
import type { CalculatorType } from "@/lib/calc";
import { DEFAULT_DISPLAY, formatterFor, type DisplayFormat, type Formatter } from "@/lib/format";
import { calculateAction, calculatorExtrasAction, type CalculatorExtras } from "@/lib/history/actions";
import type { FieldErrors } from "@/lib/history/calculate";
import { describeResult } from "./describe";
import { calculatorMeta, calculatorPath, defaultValues, type FieldUnit, type FormValues } from "./meta";
import { prefillFromMortgage } from "./prefill";
import { ResultPanel, type SaveStatus, type ShownResult } from "./result-panel";
import { useResultLanding } from "./result-landing";
import type { AnyOutput, MarketRates } from "./results";
import { STALE_NOTE, staleness } from "./stale";

export type { ShownResult } from "./result-panel";

const unitLabel = (unit: FieldUnit, fmt: Formatter) => ({ dollars: fmt.symbol, percent: "%", years: "years", months: "months" })[unit];

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
  // The form's values when the shown result was calculated: while the form differs, the result is stale.
  const [resultValues, setResultValues] = useState(initialValues);
  const [example, setExample] = useState(isExample);
  const [status, setStatus] = useState<SaveStatus>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  // Null until calculatorExtrasAction answers; undefined display if it could not be asked.
  const [extras, setExtras] = useState<(Omit<CalculatorExtras, "display"> & { display?: DisplayFormat }) | null>(null);
  const [mortgageId, setMortgageId] = useState("");
  const [prefillNote, setPrefillNote] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const calculateRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const landed = useResultLanding(pending, calculateRef, headingRef);
  // The example's own result (known on the plain page, not on a shared link), for Reset.
  const exampleResult = useRef(isExample ? initialResult : null);
  const toast = useToast();
  // A signed-in visitor's own currency: the one this browser remembers for them (from the first
  // paint where the server could read it), then the session's once calculatorExtrasAction answers.
  const remembered = useRememberedDisplay(renderedDisplay);
  const display = extras?.display ?? remembered;
  const fmt = formatterFor(display);
  const hasErrors = Object.keys(errors).length > 0;
  const stale = staleness({ hasResult: result !== null, hasErrors, fields: meta.fields.map((f) => f.name), values, resultValues });

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
    const submitted = values;
    startTransition(async () => {
      let state: Awaited<ReturnType<typeof calculateAction>>;
      try {
        state = await calculateAction(type, submitted, mortgageId || null);
      } catch {
        setMessage("The calculation could not be run. Check your connection and try again.");
        return;
      }
      if (!state.ok) {
        setErrors(state.errors);
        setMessage(state.message);
        // The field errors are alerts of their own; this polite line follows them, when a result is
        // kept beside them (the focus moves to the first field to correct: ./result-landing.ts).
        setAnnouncement(result ? STALE_NOTE.invalid : "");
        return;
      }
      const shown: ShownResult = { input: state.input as Record<string, number>, output: state.output as AnyOutput };
      const saved: SaveStatus = { saved: state.saved, signedIn: state.signedIn, notice: state.notice };
      const said = `Result updated: ${describeResult(type, shown.output.summary as Record<string, unknown>, fmt)}`;
      setErrors({});
      setMessage(null);
      setExample(false);
      setResult(shown);
      setResultValues(submitted);
      landed();
      setStatus(saved);
      setAnnouncement(said);
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
    setResultValues(defaultValues(type));
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
            <Button ref={calculateRef} type="submit" disabled={pending} aria-disabled={pending}>
              {pending && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
              {pending ? "Calculating…" : "Calculate"}
            </Button>
            <Button type="button" variant="ghost" onClick={resetToExample}>
              Reset to example
            </Button>
          </div>
        </form>
      </Card>

      <ResultPanel
        headingRef={headingRef}
        pending={pending}
        example={example}
        result={result}
        stale={stale}
        hasErrors={hasErrors}
        status={status}
        display={display}
        marketRates={marketRates}
        announcement={announcement}
        onCopyLink={copyLink}
      />
    </div>
  );
}
