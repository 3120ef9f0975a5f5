import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Banner } from "@/components/ui";
import { getSession, safeNext } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Params = { next?: string; reset?: string; deleted?: string; signedout?: string; ended?: string };

const NOTICES: { key: keyof Params; tone: "success" | "info"; text: string }[] = [
  { key: "reset", tone: "success", text: "Your password was changed and you were signed out everywhere. Sign in with your new password." },
  { key: "deleted", tone: "info", text: "Your account was deleted. We've emailed you a confirmation." },
  { key: "signedout", tone: "info", text: "You were signed out on every device." },
  { key: "ended", tone: "info", text: "Your session on this device has ended (signed out from another device, a password change, or it expired). Sign in to carry on." },
];

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : undefined;
  if (await getSession()) redirect(safeNext(next));
  const notice = NOTICES.find((n) => params[n.key]);
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in to Refi Alert</h1>
      {notice && (
        <div className="mb-4">
          <Banner tone={notice.tone}>{notice.text}</Banner>
        </div>
      )}
      <SignInForm next={next} />
    </>
  );
}
