import type { Metadata } from "next";
import Link from "next/link";
import { calculatorList } from "@/components/calculators/meta";

export const metadata: Metadata = {
  title: "Mortgage and refinance calculators",
  description: "Monthly payment, amortization, target rate, break-even, refinance savings and the efficient frontier: exact, free, no account needed.",
};

export default function CalculatorsPage() {
  return (
    <div className="py-10 sm:py-14">
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-slate-50">Calculators</h1>
        <p className="mt-3 text-slate-600 dark:text-slate-400">
          Exact answers to the questions behind a refinance. Free for everyone: no account needed. Every result has its own link you can bookmark or
          share, and your runs are kept in your history.
        </p>
      </div>
      <nav aria-label="Calculators" className="mt-8">
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {calculatorList.map((c) => (
            <li key={c.type}>
              <Link
                href={`/calculators/${c.slug}`}
                className="group block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition-colors hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-brand-500"
              >
                <h2 className="font-semibold text-slate-900 group-hover:text-brand-700 dark:text-slate-100 dark:group-hover:text-brand-500">{c.title}</h2>
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{c.description}</p>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mt-8 text-sm text-slate-500 dark:text-slate-400">
        Results are estimates of principal and interest for fixed-rate loans; taxes, insurance and fees other than the closing costs you enter are
        not included.
      </p>
    </div>
  );
}
