import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, EmptyState } from "@/components/ui";
import { listOutbox } from "@/lib/email/outbox";
import { outboxEnabled } from "@/lib/email/transport";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * The emails the app "sent" with no SMTP server configured (development, and the `npm start`
 * demo), so a verification or reset link can be followed. Absent (404) whenever SMTP_URL is
 * set, and in production unless it is the demo (DEMO_SEED).
 */
export default function OutboxPage() {
  if (!outboxEnabled()) notFound();
  const messages = listOutbox(50);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold tracking-tight">Development outbox</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        No mail server is configured, so emails are kept here instead of being sent (newest first, last 50). Set SMTP_URL to send real email.
      </p>
      <div className="mt-6 space-y-4">
        {messages.length === 0 ? (
          <EmptyState title="No emails yet" description="Sign up, ask for a password reset or trigger an alert, then reload this page." />
        ) : (
          messages.map((m, i) => (
            <Card key={m.file}>
              <details open={i === 0}>
                <summary className="cursor-pointer list-none">
                  <span className="block font-semibold">{m.subject}</span>
                  <span className="block text-sm text-slate-600 dark:text-slate-400">
                    To {m.to} · {m.sentAt ? new Date(m.sentAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC" : ""}
                  </span>
                </summary>
                <iframe title={`Email: ${m.subject}`} srcDoc={`<base target="_blank">${m.html}`} sandbox="allow-popups allow-popups-to-escape-sandbox" className="mt-4 h-[28rem] w-full rounded-lg border border-slate-200 bg-white dark:border-slate-700" />
                <h2 className="mt-4 text-sm font-semibold">Plain-text part</h2>
                <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-slate-100 p-3 text-xs dark:bg-slate-800">{linkify(m.text)}</pre>
              </details>
            </Card>
          ))
        )}
      </div>
    </main>
  );
}

/** The text part with its links clickable (the usual way to follow a verification link here). */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="text-brand-700 underline dark:text-brand-500">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
