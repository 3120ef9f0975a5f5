import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { CalculatorView } from "@/components/calculators/calculator-view";
import { calculatorBySlug, valuesFromQuery } from "@/components/calculators/meta";
import { DISPLAY_COOKIE, displayFromCookie } from "@/lib/account/display-cookie";
import { TIME_ZONE_COOKIE } from "@/lib/auth/session";

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
 * without JavaScript. Bad values come back as field errors, never a 500. A browser with the
 * display cookie (a homeowner who reads euros, say) is sent here for the plain page too, which
 * then shows the example in their currency from the first paint.
 */
export default async function SharedCalculationPage({ params, searchParams }: Props) {
  const meta = calculatorBySlug((await params).calculator);
  if (!meta) notFound();
  const { values, hasInputs } = valuesFromQuery(meta.type, await searchParams);
  const jar = await cookies();
  const display = displayFromCookie(jar.get(DISPLAY_COOKIE)?.value, jar.get(TIME_ZONE_COOKIE)?.value) ?? undefined;
  return <CalculatorView meta={meta} values={values} isExample={!hasInputs} display={display} />;
}
