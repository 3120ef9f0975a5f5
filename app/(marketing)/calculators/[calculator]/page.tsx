import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalculatorForm } from "@/components/calculators/calculator-form";
import { calculatorBySlug, calculatorList, valuesFromQuery } from "@/components/calculators/meta";
import type { AnyOutput, MarketRates } from "@/components/calculators/results";
import { calculate } from "@/lib/history/calculate";
import { latestRates } from "@/lib/rates/latest";

type Props = {
  params: Promise<{ calculator: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateStaticParams() {
  return calculatorList.map((c) => ({ calculator: c.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const meta = calculatorBySlug((await params).calculator);
  return meta ? { title: `${meta.title} calculator`, description: meta.description } : {};
}

/** Today's 30- and 15-year survey averages; the page still works without them. */
async function marketRates(): Promise<MarketRates> {
  try {
    const rates = await latestRates();
    const pick = (type: string) => {
      const r = rates.find((x) => x.rateType === type);
      return r ? { ratePercent: r.rate, date: r.date } : undefined;
    };
    return { 30: pick("30_year_fixed"), 15: pick("15_year_fixed") };
  } catch (err) {
    console.error("calculator page: latest rates unavailable", err);
    return {};
  }
}

/**
 * One calculator. The inputs live in the URL, so the server renders the result of a shared
 * link directly (without saving anything: only a submitted calculation is saved). No cookies
 * are read here; a signed-in visitor's mortgages are fetched by the form after load.
 */
export default async function CalculatorPage({ params, searchParams }: Props) {
  const meta = calculatorBySlug((await params).calculator);
  if (!meta) notFound();
  const { values, hasInputs } = valuesFromQuery(meta.type, await searchParams);
  const calc = calculate(meta.type, values);
  const rates = meta.type === "target_rate" ? await marketRates() : {};

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
        isExample={!hasInputs}
        marketRates={rates}
      />
    </div>
  );
}
