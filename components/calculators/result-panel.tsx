"use client";

import Link from "next/link";
import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Banner, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DisplayFormatProvider } from "@/components/display-format";
import type { DisplayFormat } from "@/lib/format";
import { CalculatorResults, type AnyOutput, type MarketRates } from "./results";
import { STALE_NOTE, type Staleness } from "./stale";

export type ShownResult = { input: Record<string, number>; output: AnyOutput };
export type SaveStatus = { saved: boolean; signedIn: boolean; notice?: string } | null;

const link = "font-medium text-brand-700 underline dark:text-brand-500";

function SaveNote({ signedIn }: { signedIn: boolean }) {
  return (
    <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="save-status">
      {signedIn ? (
        <>
          Saved to{" "}
          <Link href="/history" className={link}>
            your history
          </Link>
          .
        </>
      ) : (
        <>
          Saved in this browser for 30 days.{" "}
          <Link href="/sign-up" className={link}>
            Create an account
          </Link>{" "}
          or{" "}
          <Link href="/sign-in?next=/history" className={link}>
            sign in
          </Link>{" "}
          to keep your calculations.
        </>
      )}
    </p>
  );
}

/**
 * The result beside the form. A result the form's inputs no longer match (`stale`) stays, marked,
 * under a line saying why: the reader keeps the last numbers to compare, and never mistakes them
 * for the new inputs'. That line is not a live region: the form's one status region
 * (`announcement`) says it, when it matters, after the field errors.
 */
export function ResultPanel({
  headingRef,
  pending,
  example,
  result,
  stale,
  hasErrors,
  status,
  display,
  marketRates,
  announcement,
  onCopyLink,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  pending: boolean;
  example: boolean;
  result: ShownResult | null;
  stale: Staleness;
  hasErrors: boolean;
  status: SaveStatus;
  display: DisplayFormat;
  marketRates: MarketRates;
  announcement: string;
  onCopyLink: () => void;
}) {
  return (
    <section aria-labelledby="result-heading" aria-describedby={stale ? "result-stale" : undefined} aria-busy={pending} className="min-w-0">
      <Card className="space-y-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            {/* scroll-mt: a little room above when a new result is scrolled to (./result-landing.ts). */}
            <h2 ref={headingRef} id="result-heading" className="scroll-mt-4 text-base font-semibold">
              Result
            </h2>
            {example && result && !stale && (
              <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">An example with the demo loan. Change the numbers and press Calculate.</p>
            )}
          </div>
          {!example && result && (
            <Button type="button" variant="secondary" size="sm" onClick={onCopyLink}>
              Copy link
            </Button>
          )}
        </div>
        {stale && (
          <p id="result-stale" data-testid="result-stale" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
            {STALE_NOTE[stale]}
          </p>
        )}
        {status?.notice && <Banner tone="warning">{status.notice}</Banner>}
        {status?.saved && <SaveNote signedIn={status.signedIn} />}
        {/*
          Dimmed while a new result is on its way (a moment). A stale result is marked by the line
          above and a bar beside it, not dimmed: it stays on screen for as long as the reader
          likes, and dimmed, its lighter text would fall below AA contrast.
        */}
        <div
          className={cn("space-y-5 transition-opacity", pending && "opacity-60", stale && "border-l-4 border-amber-300 pl-4 dark:border-amber-700")}
          data-stale={stale ? "true" : undefined}
          data-testid="result-body"
        >
          {result ? (
            <DisplayFormatProvider display={display}>
              <CalculatorResults output={result.output} input={result.input} marketRates={marketRates} />
            </DisplayFormatProvider>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {hasErrors ? "Correct the highlighted fields and press Calculate to see the result." : "Press Calculate to see the result."}
            </p>
          )}
        </div>
      </Card>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
