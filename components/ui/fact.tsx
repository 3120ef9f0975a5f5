import type { ReactNode } from "react";
import { cn } from "./cn";

/** One labelled figure in a card's <dl> (a phone's stand-in for a table cell): small label, the value below. */
export function Fact({ label, className, children }: { label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={cn("tabular-nums", className)}>{children}</dd>
    </div>
  );
}
