import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/**
 * A table that scrolls sideways on narrow screens instead of breaking the layout. `relative`:
 * an absolutely positioned descendant (the sr-only caption, a screen-reader-only column header)
 * would otherwise be placed against the page, outside the scrolling box, and make the whole
 * page scroll sideways on a phone.
 */
export function Table({ caption, className, children }: { caption?: ReactNode; className?: string; children: ReactNode }) {
  return (
    // A focusable, named region: on a narrow screen the keyboard scrolls it with the arrow keys.
    <div
      className={cn("scroll-fade-x relative overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800", className)}
      tabIndex={0}
      role="region"
      aria-label={typeof caption === "string" ? caption : undefined}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="bg-slate-50 dark:bg-slate-900/60">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100 bg-white dark:divide-slate-800 dark:bg-slate-900">{children}</tbody>;
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn("px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("whitespace-nowrap px-3 py-2 text-slate-800 dark:text-slate-200", className)} {...props} />;
}
