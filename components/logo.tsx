import { IntentLink as Link } from "./intent-link";

// Below these widths the wordmark is read to screen readers only, leaving the mark: the public
// header (Rates, Calculators and an account button beside it) needs more room than the app's.
const WORDMARK = {
  narrow: "sr-only min-[380px]:not-sr-only",
  wide: "sr-only min-[420px]:not-sr-only",
} as const;

export function Logo({ href = "/", wordmarkFrom = "narrow" }: { href?: string; wordmarkFrom?: keyof typeof WORDMARK }) {
  return (
    <Link href={href} className="flex shrink-0 items-center gap-2 whitespace-nowrap font-bold tracking-tight text-slate-900 dark:text-white">
      <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-brand-600 text-sm text-white">↘</span>
      <span className={WORDMARK[wordmarkFrom]}>Refi Alert</span>
    </Link>
  );
}
