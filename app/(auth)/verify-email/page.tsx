import type { Metadata } from "next";
import Link from "next/link";
import { Banner, ButtonLink } from "@/components/ui";
import { getSession } from "@/lib/auth/session";
import { verifyEmailToken, type VerifyResult } from "@/lib/auth/verification";
import { ResendForm } from "./resend-form";

export const metadata: Metadata = { title: "Verify your email" };

const REFUSED: Record<Exclude<VerifyResult["status"], "verified">, { title: string; text: string }> = {
  invalid: { title: "This link is not valid", text: "The link is incomplete, or a newer one replaced it. Use the newest email we sent, or get a new link." },
  expired: { title: "This link has expired", text: "Verification links work for 24 hours. Get a new one below." },
  used: { title: "This link was already used", text: "Each link works once. If your address is confirmed, you're all set." },
  taken: { title: "That address is already in use", text: "Another account confirmed this address first, so your email was not changed." },
};

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; required?: string }> }) {
  const { token, required } = await searchParams;
  // Using the link first, so the session below already sees the verified address.
  const result = token !== undefined ? await verifyEmailToken(typeof token === "string" ? token : "") : null;
  const user = await getSession();

  if (result?.status === "verified") {
    return (
      <>
        <h1 className="mb-4 text-xl font-semibold">{result.emailChanged ? "Your new address is confirmed" : "Your email is confirmed"}</h1>
        <Banner tone="success">
          {result.emailChanged ? `Your account now uses ${result.email}.` : `Thanks! ${result.email} is confirmed: you can now create alerts and subscribe.`}
        </Banner>
        <div className="mt-6">
          {user ? <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink> : <ButtonLink href="/sign-in">Sign in</ButtonLink>}
        </div>
      </>
    );
  }

  const refused = result ? REFUSED[result.status] : null;
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{refused?.title ?? (user?.emailVerified ? "Your email is confirmed" : "Confirm your email address")}</h1>
      {refused && (
        <div className="mb-4">
          <Banner tone="warning">{refused.text}</Banner>
        </div>
      )}
      {!refused && required && user && !user.emailVerified && (
        <div className="mb-4">
          <Banner tone="warning">Please confirm your email address to continue.</Banner>
        </div>
      )}
      {user?.emailVerified ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">{user.email} is confirmed. Nothing more to do.</p>
          <div className="mt-6">
            <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink>
          </div>
        </>
      ) : user ? (
        <>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
            We sent a confirmation link to <strong className="text-slate-900 dark:text-slate-100">{user.email}</strong>. Open it to create alerts and subscribe. Can&apos;t find it? Check your spam folder, or get a new link.
          </p>
          <ResendForm />
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/sign-in?next=/verify-email" className="font-medium text-brand-700 hover:underline dark:text-brand-500">
            Sign in
          </Link>{" "}
          to get a new confirmation link.
        </p>
      )}
    </>
  );
}
