import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CalculatorView } from "@/components/calculators/calculator-view";
import { calculatorBySlug, valuesFromQuery } from "@/components/calculators/meta";

type Props = {
  params: Promise<{ calculator: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const meta = calculatorBySlug((await params).calculator);
  // The canonical address of a result is the calculator's own URL with the inputs in the query.
  return meta ? { title: `${meta.title} calculator`, description: meta.description, robots: { index: false } } : {};
}

/**
 * A shared or bookmarked result (`/calculators/<slug>?principal=…`, rewritten here by
 * next.config.mjs): the server renders the result of the link's inputs, so it shows at once and
 * without JavaScript. Bad values come back as field errors, never a 500.
 */
export default async function SharedCalculationPage({ params, searchParams }: Props) {
  const meta = calculatorBySlug((await params).calculator);
  if (!meta) notFound();
  const { values, hasInputs } = valuesFromQuery(meta.type, await searchParams);
  return <CalculatorView meta={meta} values={values} isExample={!hasInputs} />;
}
