/**
 * One entry point per calculator page: validate the form input, run the core, and return a
 * JSON-serialisable result (money rounded to cents, rates to 3 decimals, "none" as null,
 * never NaN) that pages render and save to calculation history as is.
 *
 * Totals shown beside a schedule (payment, amortization) come from the cent-rounded schedule,
 * so they match its table; refinance and frontier views use the closed forms (n * PMT - B),
 * which may differ from a schedule's totals by a few cents of rounding.
 */
import { amortizationSchedule, yearlySummary } from "./amortization";
import { efficientFrontier } from "./frontier";
import { monthlyPayment } from "./loan";
import { compareRefinance, type RefinanceInput, trueBreakEven } from "./refinance";
import { roundCents, roundRatePercent, toCents } from "./rounding";
import { type CalculatorInput, type CalculatorType, calculatorSchemas, MAX_RATE_PERCENT } from "./schemas";
import { findTargetRate, RATE_GRID_STEP_PERCENT } from "./target-rate";

const cents = roundCents;

/**
 * A difference of two amounts as they are shown, each rounded to the cent first, so the figures
 * on the page add up ("$1,630.50 now, $1,363.78 after" saves $266.72, never $266.71).
 */
const centsBetween = (a: number, b: number) => (toCents(a) - toCents(b)) / 100;
const rateOrNull = (value: number | null) => (value === null ? null : roundRatePercent(value));

function runMonthlyPayment(input: CalculatorInput<"monthly_payment">) {
  const termMonths = input.termYears * 12;
  const schedule = amortizationSchedule({
    principal: input.principal,
    annualRatePercent: input.ratePercent,
    termMonths,
  });
  return {
    summary: {
      monthlyPayment: schedule.scheduledPayment,
      numberOfPayments: termMonths,
      totalInterest: schedule.totalInterest,
      totalPaid: schedule.totalPaid,
    },
    chart: {
      yearly: yearlySummary(schedule.rows).map(({ year, interest, principal, endBalance }) => ({
        year,
        interest,
        principal,
        endBalance,
      })),
    },
  };
}

function runAmortization(input: CalculatorInput<"amortization">) {
  const loan = { principal: input.principal, annualRatePercent: input.ratePercent, termMonths: input.termYears * 12 };
  const schedule = amortizationSchedule({ ...loan, extraMonthlyPrincipal: input.extraMonthlyPrincipal });
  const baseline = input.extraMonthlyPrincipal > 0 ? amortizationSchedule(loan) : schedule;
  return {
    summary: {
      scheduledPayment: schedule.scheduledPayment,
      extraMonthlyPrincipal: cents(input.extraMonthlyPrincipal),
      payoffMonths: schedule.payoffMonths,
      totalInterest: schedule.totalInterest,
      totalPaid: schedule.totalPaid,
      monthsSaved: baseline.payoffMonths - schedule.payoffMonths,
      interestSaved: cents(baseline.totalInterest - schedule.totalInterest),
    },
    // The monthly table is amortizationSchedule() itself; history keeps the yearly view.
    chart: { yearly: yearlySummary(schedule.rows) },
  };
}

function runTargetRate(input: CalculatorInput<"target_rate">) {
  const newTermMonths = input.newTermYears * 12;
  const result = findTargetRate({ balance: input.balance, newTermMonths, targetPayment: input.targetPayment });
  const found = result.found;
  // Payment against rate on the 0.125 % grid, past the found rate, for the chart; never far past
  // the rates anyone is offered (a huge target is reached at 160 %: the chart stops at 27 %).
  const topPercent = Math.min(MAX_RATE_PERCENT + 2, Math.max(8, found ? Math.ceil(result.gridRatePercent) + 2 : 0));
  const paymentByRate = [];
  for (let step = 0; step * RATE_GRID_STEP_PERCENT <= topPercent; step++) {
    const ratePercent = step * RATE_GRID_STEP_PERCENT;
    paymentByRate.push({ ratePercent, payment: cents(monthlyPayment(input.balance, ratePercent, newTermMonths)) });
  }
  return {
    summary: {
      found,
      message: found ? null : "No rate reaches this payment: even at 0% the payment is higher.",
      targetPayment: cents(input.targetPayment),
      gridRatePercent: found ? result.gridRatePercent : null,
      paymentAtGridRate: found ? cents(result.paymentAtGridRate) : null,
      exactRatePercent: found ? roundRatePercent(result.exactRatePercent) : null,
      zeroRatePayment: cents(result.zeroRatePayment),
    },
    chart: { paymentByRate },
  };
}

function refinanceInput(input: CalculatorInput<"refinance_savings">): RefinanceInput {
  return {
    balance: input.balance,
    currentRatePercent: input.currentRatePercent,
    monthsLeft: input.monthsLeft,
    newRatePercent: input.newRatePercent,
    newTermMonths: input.newTermYears * 12,
    costs: input.costs,
  };
}

function runBreakEven(input: CalculatorInput<"break_even">) {
  const core = refinanceInput(input);
  const comparison = compareRefinance(core);
  const trueResult = trueBreakEven(core);
  return {
    summary: {
      currentPayment: cents(comparison.currentPayment),
      newPayment: cents(comparison.newPayment),
      monthlySavings: centsBetween(comparison.currentPayment, comparison.newPayment),
      costs: cents(input.costs),
      simpleBreakEvenMonths: comparison.simpleBreakEvenMonths,
      trueBreakEvenMonth: trueResult.month,
    },
    chart: {
      // Cost so far of each choice if the debt were settled that month; they cross at the true break-even.
      series: trueResult.series.map(({ month, keepCost, refiCost }) => ({
        month,
        keepCost: cents(keepCost),
        refiCost: cents(refiCost),
      })),
    },
  };
}

function runRefinanceSavings(input: CalculatorInput<"refinance_savings">) {
  const c = compareRefinance(refinanceInput(input));
  return {
    summary: {
      currentPayment: cents(c.currentPayment),
      newPayment: cents(c.newPayment),
      monthlySavings: centsBetween(c.currentPayment, c.newPayment),
      currentRemainingInterest: cents(c.currentRemainingInterest),
      newLifetimeInterest: cents(c.newLifetimeInterest),
      costs: cents(input.costs),
      // The shown parts, added up: new interest + costs, then what keeping costs minus that.
      newInterestPlusCosts: (toCents(c.newLifetimeInterest) + toCents(input.costs)) / 100,
      lifetimeInterestSavings: (toCents(c.currentRemainingInterest) - toCents(c.newLifetimeInterest) - toCents(input.costs)) / 100,
      additionalMonths: c.additionalMonths,
      simpleBreakEvenMonths: c.simpleBreakEvenMonths,
    },
    chart: {
      interest: [
        { option: "keep", label: "Keep current loan", interest: cents(c.currentRemainingInterest), costs: 0 },
        { option: "refinance", label: "Refinance", interest: cents(c.newLifetimeInterest), costs: cents(input.costs) },
      ],
    },
  };
}

function runEfficientFrontier(input: CalculatorInput<"efficient_frontier">) {
  const result = efficientFrontier({
    principal: input.principal,
    annualRatePercent: input.ratePercent,
    termMonths: input.termYears * 12,
    newTermMonths: input.newTermYears * 12,
    costs: input.costs,
    homeowner: { month: input.currentMonth, ratePercent: input.offeredRatePercent },
  });
  const homeowner = result.homeowner;
  // Unreachable: the homeowner's point was passed in, so it is located.
  if (!homeowner) throw new Error("efficientFrontier did not locate the homeowner's point");
  return {
    summary: {
      currentMonth: homeowner.month,
      offeredRatePercent: roundRatePercent(homeowner.ratePercent),
      frontierRatePercent: rateOrNull(homeowner.frontierRatePercent),
      position: homeowner.position,
      interestSavings: cents(homeowner.interestSavings),
      lastHelpfulMonth: result.lastHelpfulMonth,
      noRateHelpsFromMonth: result.noRateHelpsFromMonth,
    },
    chart: {
      // maxRatePercent null: no rate helps that month (the area ends there).
      frontier: result.points.map(({ month, maxRatePercent }) => ({
        month,
        maxRatePercent: rateOrNull(maxRatePercent),
      })),
      homeowner: { month: homeowner.month, ratePercent: roundRatePercent(homeowner.ratePercent) },
    },
  };
}

const runners = {
  monthly_payment: runMonthlyPayment,
  amortization: runAmortization,
  target_rate: runTargetRate,
  break_even: runBreakEven,
  refinance_savings: runRefinanceSavings,
  efficient_frontier: runEfficientFrontier,
} satisfies { [T in CalculatorType]: (input: CalculatorInput<T>) => unknown };

export type CalculatorOutput<T extends CalculatorType> = { type: T } & ReturnType<(typeof runners)[T]>;

/**
 * Run a calculator on its form input. The input is (re)validated with the calculator's schema,
 * so raw form values work too; invalid input throws the schema's ZodError.
 */
export function runCalculator<T extends CalculatorType>(type: T, input: unknown): CalculatorOutput<T> {
  const parsed = calculatorSchemas[type].parse(input) as CalculatorInput<T>;
  const runner = runners[type] as unknown as (value: CalculatorInput<T>) => ReturnType<(typeof runners)[T]>;
  return { type, ...runner(parsed) };
}
