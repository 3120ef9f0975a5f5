"use client";

import { useActionState, useMemo, useState } from "react";
import { Banner, Card, FormMessage, Input, Select, SubmitButton } from "@/components/ui";
import type { RateSeries } from "@/lib/alerts/backtest";
import { describeTarget, paymentCents, targetMet, type AlertTarget } from "@/lib/alerts/evaluate";
import { PRODUCT_LABELS, productForTerm, productNote } from "@/lib/alerts/products";
import { ALERT_TYPE_LABELS, TERM_OPTIONS } from "@/lib/alerts/schemas";
import { numberFromText, rateFromText } from "@/lib/calc/number-text";
import { formatPercent } from "@/lib/format";
import { useFormat } from "@/components/display-format";
import type { ActionState } from "@/lib/validated-action";
import { BacktestPanel } from "./backtest-panel";

export type MortgageChoice = { id: string; name: string; remainingPrincipalCents: number; currentPaymentCents: number; currentRate: number; calculatedCostCents: number | null };
export type LatestByProduct = Record<string, { rate: number; date: string } | null>;

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  mortgages: MortgageChoice[];
  latest: LatestByProduct;
  series: Record<string, RateSeries>;
  initial: { mortgageId?: string; alertType: string; targetRate: string; targetPayment: string; targetTerm: string; refinanceCost: string };
  alertId?: string;
  submitLabel: string;
};

const num = (v: string, read: (v: unknown) => unknown = numberFromText) => {
  const n = read(v);
  return typeof n === "number" && Number.isFinite(n) ? n : null;
};

/**
 * The alert form, with today's market value beside the target, what the target means in words,
 * a flag when it is already met, and the backtest, all recomputed as the user types.
 */
export function AlertForm({ action, mortgages, latest, series, initial, alertId, submitLabel }: Props) {
  const fmt = useFormat();
  const [state, formAction] = useActionState(action, {});
  const v = { ...initial, ...(state.values ?? {}) };
  const [mortgageId, setMortgageId] = useState(v.mortgageId ?? mortgages[0]?.id ?? "");
  const [alertType, setAlertType] = useState(v.alertType === "monthly_payment" ? "monthly_payment" : "interest_rate");
  const [targetRate, setTargetRate] = useState(v.targetRate);
  const [targetPayment, setTargetPayment] = useState(v.targetPayment);
  const [targetTerm, setTargetTerm] = useState(v.targetTerm || "360");
  const [cost, setCost] = useState(v.refinanceCost);
  // A field's error from the last submit stays until the field is edited, then gives way to the
  // live preview (a corrected value must not sit beside "enter a target rate…").
  const [edited, setEdited] = useState<{ after: unknown; fields: string[] }>({ after: null, fields: [] });
  const markEdited = (field: string) => setEdited((e) => (e.after === state ? { after: state, fields: [...e.fields, field] } : { after: state, fields: [field] }));
  const submitted = state.errors ?? {};
  const errors = Object.fromEntries(Object.entries(submitted).filter(([f]) => !(edited.after === state && edited.fields.includes(f))));

  const mortgage = mortgages.find((m) => m.id === mortgageId) ?? null;
  const term = Number(targetTerm) || 360;
  const product = productForTerm(term);
  const market = latest[product] ?? null;
  const costCents = num(cost) !== null ? Math.round(num(cost)! * 100) : (mortgage?.calculatedCostCents ?? 0);
  const financedCents = (mortgage?.remainingPrincipalCents ?? 0) + costCents;

  const target: AlertTarget | null = useMemo(() => {
    if (alertType === "interest_rate") {
      const r = num(targetRate, rateFromText);
      return r !== null && r > 0 && r <= 25 ? { alertType, targetInterestRate: r, targetTerm: term } : null;
    }
    const p = num(targetPayment);
    return p !== null && p > 0 ? { alertType: "monthly_payment", targetMonthlyPaymentCents: Math.round(p * 100), targetTerm: term } : null;
  }, [alertType, targetRate, targetPayment, term]);

  const todayValue = market ? (alertType === "interest_rate" ? formatPercent(market.rate) : fmt.cents(paymentCents(financedCents, market.rate, term))) : "—";
  const met = target && market && mortgage ? targetMet(target, market.rate, financedCents) : false;
  // A target at or above what they pay now (payment, or rate) would fire for a refinance that saves nothing.
  const aboveCurrent = Boolean(
    mortgage &&
      (target?.alertType === "monthly_payment"
        ? mortgage.currentPaymentCents > 0 && target.targetMonthlyPaymentCents >= mortgage.currentPaymentCents
        : target?.alertType === "interest_rate" && mortgage.currentRate > 0 && target.targetInterestRate >= mortgage.currentRate),
  );
  const note = productNote(term);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <form action={formAction} className="space-y-4" noValidate>
        {alertId && <input type="hidden" name="alertId" value={alertId} />}
        {/* The form-level "correct the highlighted fields" goes once every highlighted field was edited. */}
        <FormMessage message={state.ok === false && !(Object.keys(submitted).length > 0 && Object.keys(errors).length === 0) ? state.message : undefined} />
        {alertId ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Mortgage: {mortgage?.name}</p>
        ) : (
          <Select
            label="Mortgage"
            name="mortgageId"
            value={mortgageId}
            onChange={(e) => {
              setMortgageId(e.target.value);
              markEdited("mortgageId");
            }}
            error={errors.mortgageId}
            options={mortgages.map((m) => ({ value: m.id, label: `${m.name} (balance ${fmt.cents(m.remainingPrincipalCents, { whole: true })})` }))}
          />
        )}
        <fieldset>
          <legend className="block text-sm font-medium text-slate-700 dark:text-slate-200">What should the alert watch?</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {(["interest_rate", "monthly_payment"] as const).map((t) => (
              <label key={t} className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
                <input type="radio" name="alertType" value={t} checked={alertType === t} onChange={() => setAlertType(t)} className="size-4 text-brand-600 focus:ring-brand-600" />
                {ALERT_TYPE_LABELS[t]}
              </label>
            ))}
          </div>
          {errors.alertType && <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">{errors.alertType[0]}</p>}
        </fieldset>
        {alertType === "interest_rate" ? (
          <Input
            label="Target rate (%)"
            name="targetRate"
            inputMode="decimal"
            value={targetRate}
            onChange={(e) => {
              setTargetRate(e.target.value);
              markEdited("targetRate");
            }}
            error={errors.targetRate}
            hint={market ? `Latest ${PRODUCT_LABELS[product]} rate: ${formatPercent(market.rate)} (week of ${fmt.date(market.date)})` : undefined}
          />
        ) : (
          <Input
            label={`Target monthly payment (${fmt.symbol})`}
            name="targetPayment"
            inputMode="decimal"
            value={targetPayment}
            onChange={(e) => {
              setTargetPayment(e.target.value);
              markEdited("targetPayment");
            }}
            error={errors.targetPayment}
            hint={market ? `At the latest ${PRODUCT_LABELS[product]} rate the payment would be ${todayValue}.` : undefined}
          />
        )}
        <Select
          label="Term of the new loan"
          name="targetTerm"
          value={targetTerm}
          onChange={(e) => {
              setTargetTerm(e.target.value);
              markEdited("targetTerm");
            }}
          error={errors.targetTerm}
          hint={note ?? undefined}
          options={TERM_OPTIONS.map((o) => ({ value: String(o.value), label: o.label }))}
        />
        <Input
          label={`Estimated refinance costs (${fmt.symbol}, optional)`}
          name="refinanceCost"
          inputMode="decimal"
          value={cost}
          onChange={(e) => {
              setCost(e.target.value);
              markEdited("refinanceCost");
            }}
          error={errors.refinanceCost}
          hint={
            mortgage?.calculatedCostCents != null
              ? `Leave blank to use our estimate, 2% of your balance: ${fmt.cents(mortgage.calculatedCostCents, { whole: true })}.`
              : "Leave blank to count no costs."
          }
        />
        <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
      </form>

      <div className="space-y-4">
        <Card>
          <dl className="grid grid-cols-2 gap-4">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Your target</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid="form-target">
                {target ? (target.alertType === "interest_rate" ? formatPercent(target.targetInterestRate) : fmt.cents(target.targetMonthlyPaymentCents)) : "—"}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Today</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid="form-today">{todayValue}</dd>
            </div>
          </dl>
          <p className="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="target-meaning">
            {target ? describeTarget(target, (c) => fmt.cents(c)) : "Enter a target to see what it means."}
          </p>
        </Card>
        {aboveCurrent && mortgage && target?.alertType === "interest_rate" && (
          <Banner tone="warning">
            Your loan is at {formatPercent(mortgage.currentRate)} now: a target at or above that would alert you to a refinance that
            doesn&apos;t lower your rate. Try a target below it.
          </Banner>
        )}
        {aboveCurrent && mortgage && target?.alertType === "monthly_payment" && (
          <Banner tone="warning">
            You pay {fmt.cents(mortgage.currentPaymentCents)} a month now: a target at or above that would alert you to a refinance that
            doesn&apos;t lower your payment. Try a target below it.
          </Banner>
        )}
        {met && !aboveCurrent && (
          <Banner tone="warning">
            Today&apos;s market already meets this target: the alert will fire on the next check once it is active. You may want a more ambitious target.
          </Banner>
        )}
        <Card>
          <h2 className="mb-2 text-base font-semibold">How often would it have fired?</h2>
          <BacktestPanel series={series} target={target} financedCents={financedCents} />
        </Card>
      </div>
    </div>
  );
}
