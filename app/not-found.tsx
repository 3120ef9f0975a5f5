import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">We couldn&apos;t find that page</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">It may have been moved or deleted, or it belongs to another account.</p>
      {/* A plain link (full page load): next/link here would add its code to every page, as this boundary is part of the root. */}
      <ButtonLink href="/" className="mt-6" pageLoad>Go home</ButtonLink>
    </main>
  );
}
