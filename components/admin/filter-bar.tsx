import type { ReactNode } from "react";
import { SubmitButton } from "@/components/ui";

/** A GET filter form (works without JavaScript; the URL keeps the filter). */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form method="get" aria-label={label} className="mb-4 flex flex-col gap-3 rounded-xl border border-slate-200 p-4 sm:flex-row sm:items-end dark:border-slate-800">
      {children}
      <SubmitButton variant="secondary">Apply</SubmitButton>
    </form>
  );
}
