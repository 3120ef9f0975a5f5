import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui";
import { inspectResetToken } from "@/lib/auth/reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

const REFUSED = {
  invalid: { title: "This link is not valid", text: "The reset link is incomplete or was replaced. Please ask for a new one." },
  used: { title: "This link was already used", text: "Each reset link works once. If you still need to, ask for a new one." },
  expired: { title: "This link has expired", text: "Reset links work for 1 hour. Please ask for a new one." },
} as const;

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const state = await inspectResetToken(value);
  if (state !== "valid") {
    const r = REFUSED[state];
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold">{r.title}</h1>
        <Banner tone="warning">{r.text}</Banner>
        <Link href="/forgot-password" className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-500">
          Get a new reset link
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Choose a new password</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">You&apos;ll be signed out everywhere else, and we&apos;ll email you to confirm the change.</p>
      <ResetPasswordForm token={value} />
    </>
  );
}
