import type { Metadata } from "next";
import { Banner, Card } from "@/components/ui/card";
import { verifyUnsubscribeToken } from "@/lib/alerts/unsubscribe";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

// A GET only shows the question (link scanners follow links); the button makes the change.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const valid = verifyUnsubscribeToken(token) !== null;
  return (
    <div className="mx-auto max-w-lg px-4 py-12">
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Stop alert emails?</h1>
      {valid ? (
        <Card>
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
            You&apos;ll stop getting emails when your alerts fire. Your alerts keep watching the market, and you can see what they find when you sign in.
          </p>
          <UnsubscribeForm token={token!} />
        </Card>
      ) : (
        <Banner tone="error">This unsubscribe link is not valid. Sign in and turn alert emails off in Settings.</Banner>
      )}
    </div>
  );
}
