import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CalculatorView } from "@/components/calculators/calculator-view";
import { calculatorBySlug, calculatorList, defaultValues } from "@/components/calculators/meta";

type Props = { params: Promise<{ calculator: string }> };

// The plain calculator page (the example loan) is the same for everyone: prerendered, and
// regenerated hourly for the target-rate finder's market rates. A link with inputs in its query
// is rewritten to ./shared (next.config.mjs), which renders that result per request.
export const revalidate = 3600;
export const dynamicParams = false;

export function generateStaticParams() {
  return calculatorList.map((c) => ({ calculator: c.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const meta = calculatorBySlug((await params).calculator);
  return meta ? { title: `${meta.title} calculator`, description: meta.description } : {};
}

export default async function CalculatorPage({ params }: Props) {
  const meta = calculatorBySlug((await params).calculator);
  if (!meta) notFound();
  return <CalculatorView meta={meta} values={defaultValues(meta.type)} isExample />;
}
