import { IntentLink as Link } from "./intent-link";
import { AccountLinks } from "./account-links";
import { Logo } from "./logo";
import { PhoneMenu } from "./phone-menu";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
        <Logo />
        <nav aria-label="Main" className="flex items-center gap-2 text-sm sm:gap-4">
          {/* From sm up the links sit in the bar; on a phone, in the menu beside the account button. */}
          <Link href="/rates" className="rounded px-2 py-1 text-slate-700 hover:text-slate-950 max-sm:hidden dark:text-slate-300 dark:hover:text-white">Rates</Link>
          <Link href="/calculators" className="rounded px-2 py-1 text-slate-700 hover:text-slate-950 max-sm:hidden dark:text-slate-300 dark:hover:text-white">Calculators</Link>
          <Link href="/pricing" className="rounded px-2 py-1 text-slate-700 hover:text-slate-950 max-sm:hidden dark:text-slate-300 dark:hover:text-white">Pricing</Link>
          <AccountLinks />
          <PhoneMenu />
        </nav>
      </div>
    </header>
  );
}
