import Link from "next/link";
import { buttonClass } from "@/components/ui";

/** Keyset paging: "first page" and "next page" links that keep the current filters (`query`). */
export function Pager({ basePath, query, cursor, nextCursor, shown }: { basePath: string; query: [string, string | undefined][]; cursor?: string; nextCursor: string | null; shown: number }) {
  const href = (next?: string) => {
    const q = new URLSearchParams(query.filter((e): e is [string, string] => Boolean(e[1])));
    if (next) q.set("cursor", next);
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400">
      <span>
        Showing {shown} {shown === 1 ? "row" : "rows"}
        {cursor ? " (not the first page)" : ""}
      </span>
      <span className="flex gap-2">
        {cursor && (
          <Link className={buttonClass("secondary", "sm")} href={href()}>
            First page
          </Link>
        )}
        {nextCursor && (
          <Link className={buttonClass("secondary", "sm")} href={href(nextCursor)} rel="next">
            Next page
          </Link>
        )}
      </span>
    </nav>
  );
}

/** A GET form's select, submitted with the filter button (works without JavaScript). */
export function FilterSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-slate-700 dark:text-slate-200">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ""}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v) || undefined;
export const humanize = (s: string) => s.replace(/_/g, " ");
