import { IntentLink as Link } from "./intent-link";
import { AccountLinks } from "./account-links";
import { Logo } from "./logo";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
        <Logo wordmarkFrom="wide" />
        <nav aria-label="Main" className="flex items-center gap-1 text-sm sm:gap-4">
          <Link href="/rates" className="rounded px-2 py-1 text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white">Rates</Link>
          <Link href="/calculators" className="rounded px-2 py-1 text-slate-700 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white">Calculators</Link>
          <Link href="/pricing" className="hidden rounded px-2 py-1 text-slate-700 hover:text-slate-950 sm:inline dark:text-slate-300 dark:hover:text-white">Pricing</Link>
          <AccountLinks />
        </nav>
      </div>
    </header>
  );
}
