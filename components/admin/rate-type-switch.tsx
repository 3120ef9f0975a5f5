import Link from "next/link";
import { cn } from "@/components/ui";
import { SERIES_COLORS } from "@/components/rates/series-colors";
import { RATE_TYPE_LABELS, type RateType } from "@/lib/rates/types";

/**
 * Which rate type the admin rates page lists. Links, not buttons: the type is in the address
 * (?type=), so a reload or a shared link shows the same one, and the current one is marked
 * aria-current="page". Drawn like the public /rates page's type toggles (ToggleButton in
 * components/rates/rates-chart.tsx: same shape, same colour dot, dark when current), which are
 * client-side buttons and so cannot be reused for links as they are.
 */
export function RateTypeSwitch({ types, selected }: { types: readonly RateType[]; selected: RateType | null }) {
  return (
    <nav aria-label="Rate type">
      <ul className="flex flex-wrap gap-2">
        {types.map((t) => {
          const current = t === selected;
          return (
            <li key={t}>
              <Link
                href={`/admin/rates?type=${t}`}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center gap-2 rounded-lg border px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
                  current
                    ? "border-slate-900 bg-slate-900 text-white dark:border-slate-100 dark:bg-slate-100 dark:text-slate-900"
                    : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800",
                )}
              >
                <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ background: SERIES_COLORS[t] }} />
                {RATE_TYPE_LABELS[t]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
