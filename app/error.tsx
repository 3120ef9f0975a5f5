"use client";

// The class only, not the Button module: this boundary loads on every page, and Button's module
// also carries ButtonLink (next/link).
import { buttonClass } from "@/components/ui/button-class";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Nothing you entered was lost. Please try again.</p>
      <button type="button" className={buttonClass("primary", "md", "mt-6")} onClick={() => reset()}>
        Try again
      </button>
    </main>
  );
}
