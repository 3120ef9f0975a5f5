import { ButtonLink } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-bold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">This area is for administrators.</p>
      {/* A plain link (full page load), as in not-found.tsx: this boundary is part of every page. */}
      <ButtonLink href="/dashboard" className="mt-6" pageLoad>Back to your dashboard</ButtonLink>
    </main>
  );
}
