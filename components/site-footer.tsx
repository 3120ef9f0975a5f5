import { IntentLink as Link } from "./intent-link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 py-8 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="max-w-xl space-y-2">
          <p className="font-semibold text-slate-800 dark:text-slate-200">Refi Alert</p>
          <p>
            Source: Freddie Mac Primary Mortgage Market Survey®. Rates are weekly national averages for borrowers with
            strong credit and 20% down; your own offer will differ. Data provided as is by Freddie Mac.
          </p>
        </div>
        <nav aria-label="Footer" className="flex flex-wrap gap-x-5 gap-y-2">
          <Link href="/rates" className="hover:underline">Rates</Link>
          <Link href="/calculators" className="hover:underline">Calculators</Link>
          <Link href="/pricing" className="hover:underline">Pricing</Link>
          {/* No "Sign in" here: the footer is the same for everyone (prerendered), and the header's
              account links already say Sign in or Dashboard, as fits the visitor. */}
        </nav>
      </div>
    </footer>
  );
}
