import { IntentLink as Link } from "@/components/intent-link";
import type { CalculatorType } from "@/lib/calc";
import type { DisplayFormat } from "@/lib/format";
import { calculate } from "@/lib/history/calculate";
import { readForPrerender } from "@/lib/prerender";
import { latestRates } from "@/lib/rates/latest";
import { CalculatorForm } from "./calculator-form";
import type { CalculatorMeta, FormValues } from "./meta";
import type { AnyOutput, MarketRates } from "./results";

/** Today's 30- and 15-year survey averages; the page still works without them. */
async function marketRates(): Promise<MarketRates> {
  try {
    const rates = await readForPrerender("a calculator page", () => latestRates());
    const pick = (type: string) => {
      const r = rates.find((x) => x.rateType === type);
      return r ? { ratePercent: r.rate, date: r.date } : undefined;
    };
    return { 30: pick("30_year_fixed"), 15: pick("15_year_fixed") };
  } catch (err) {
    if (process.env.NEXT_PHASE === "phase-production-build") throw err; // the page becomes dynamic
    console.error("calculator page: latest rates unavailable", err);
    return {};
  }
}

/**
 * One calculator with its form and the result of `values`: the example (prerendered page) or the
 * inputs of a shared link (rendered per request). Nothing is saved here: only a submitted
 * calculation is. No cookies are read here; a signed-in visitor's mortgages are fetched by the form.
 */
export async function CalculatorView({
  meta,
  values,
  isExample,
  display,
}: {
  meta: CalculatorMeta & { type: CalculatorType };
  values: FormValues;
  isExample: boolean;
  /** How amounts read, when the page is rendered per request (the display cookie); else the site's default. */
  display?: DisplayFormat;
}) {
  const calc = calculate(meta.type, values);
  // The target-rate chart marks the market; the refinance calculators fill a mortgage's new rate from it.
  const rates = meta.type === "target_rate" || meta.type === "break_even" || meta.type === "refinance_savings" ? await marketRates() : {};
  return (
    <div className="py-8 sm:py-10">
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/calculators" className="text-brand-700 underline underline-offset-4 hover:no-underline dark:text-brand-500">
          Calculators
        </Link>
        <span aria-hidden className="px-2 text-slate-400">
          /
        </span>
        <span className="text-slate-600 dark:text-slate-400">{meta.title}</span>
      </nav>
      <div className="mb-6 max-w-3xl">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-slate-50">{meta.title}</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">{meta.description}</p>
      </div>
      <CalculatorForm
        type={meta.type}
        initialValues={values}
        initialErrors={calc.ok ? null : calc.errors}
        initialResult={calc.ok ? { input: calc.input as Record<string, number>, output: calc.output as AnyOutput } : null}
        isExample={isExample}
        marketRates={rates}
        renderedDisplay={display}
      />
    </div>
  );
}
