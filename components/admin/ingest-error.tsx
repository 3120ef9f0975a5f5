import type { ReactNode } from "react";
import { cn } from "@/components/ui";
import { describeIngestError } from "@/lib/rates/ingest-error";

/**
 * A failed rate import as an admin reads it: a sentence first (lib/rates/ingest-error.ts), the
 * recorded error whole one click away, for a bug report or a look at the server. A <details>
 * rather than a title attribute: keyboards and touch screens can open it too.
 */
export function IngestError({ error, source, lead, className }: { error: string; source?: string | null; lead?: ReactNode; className?: string }) {
  const { summary, detail } = describeIngestError(error, source);
  return (
    <div className={cn("space-y-1", className)}>
      <p>
        {lead}
        {summary}.
      </p>
      <details className="text-xs text-slate-600 dark:text-slate-400">
        <summary className="cursor-pointer underline-offset-2 hover:underline">Technical detail</summary>
        <p className="mt-1 font-mono [overflow-wrap:anywhere]">{detail}</p>
      </details>
    </div>
  );
}
