import { IntentLink as Link } from "./intent-link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex shrink-0 items-center gap-2 whitespace-nowrap font-bold tracking-tight text-slate-900 dark:text-white">
      <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-brand-600 text-sm text-white">↘</span>
      {/* Below 380 px only the mark shows; the name is still read to screen readers. */}
      <span className="sr-only min-[380px]:not-sr-only">Refi Alert</span>
    </Link>
  );
}
