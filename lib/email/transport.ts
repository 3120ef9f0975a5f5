import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type OutgoingMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};
export type DeliveryResult = { provider: string; messageId: string };

/** A permanent rejection of the recipient (SMTP 5xx to RCPT TO): mark it bounced, don't retry. */
export class PermanentDeliveryError extends Error {
  constructor(message: string, readonly responseCode?: number) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

type SmtpError = { responseCode?: number; command?: string };

/**
 * Only a 5xx answer to the recipient (RCPT TO) means this address will never take mail. A 5xx anywhere else says something about
 * our side (535 bad credentials, a 554 policy or quota block on the sender or the message):
 * retried with back-off like an outage, so rotating a password doesn't bounce every email.
 */
function isRecipientRefusal(err: unknown): boolean {
  const { responseCode, command } = (err ?? {}) as SmtpError;
  if (!responseCode || responseCode < 500 || responseCode >= 600) return false;
  return /^RCPT\b/i.test(command ?? "");
}

const globalForMail = globalThis as unknown as { __refiTransport?: { url: string; transport: Transporter } };

function smtpTransport(url: string): Transporter {
  if (globalForMail.__refiTransport?.url !== url) {
    const insecureLocal = /^smtp:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(url);
    globalForMail.__refiTransport = {
      url,
      // Local capture servers (tests, maildev) speak plain SMTP; real providers get STARTTLS.
      transport: nodemailer.createTransport(url, insecureLocal ? { ignoreTLS: true } : {}),
    };
  }
  return globalForMail.__refiTransport.transport;
}

/**
 * Whether emails go to the development outbox ($DATA_DIR/outbox, shown at /dev/outbox) instead
 * of SMTP: only when no SMTP_URL is set, and only outside production or on the demo
 * (`npm start` serves a production build with DEMO_SEED=true and no mail server; its demo
 * passwords are public anyway, so showing its emails on the page exposes nothing real).
 * A real deployment sets SMTP_URL, and then the outbox is off whatever else is set.
 */
export function outboxEnabled(): boolean {
  const e = env();
  return !e.SMTP_URL && (!e.isProduction || e.DEMO_SEED);
}

/** Where development emails go when no SMTP_URL is set: $DATA_DIR/outbox, shown at /dev/outbox. */
export function outboxDir(): string {
  return path.resolve(env().DATA_DIR, "outbox");
}

/**
 * Sends one message: over SMTP when SMTP_URL is set; otherwise, outside production, into the
 * development outbox. Throws on failure (PermanentDeliveryError for a 5xx rejection).
 */
export async function deliver(message: OutgoingMessage, logId: string): Promise<DeliveryResult> {
  const e = env();
  if (e.SMTP_URL) {
    try {
      const info = await smtpTransport(e.SMTP_URL).sendMail({
        from: e.EMAIL_FROM,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: message.headers,
      });
      return { provider: "smtp", messageId: String(info.messageId ?? "") };
    } catch (err) {
      if (isRecipientRefusal(err)) throw new PermanentDeliveryError((err as Error).message, (err as SmtpError).responseCode);
      throw err;
    }
  }
  if (!outboxEnabled()) throw new Error("SMTP_URL is not configured");
  const dir = outboxDir();
  mkdirSync(dir, { recursive: true });
  const messageId = `<${logId}@outbox.refialert.local>`;
  writeFileSync(
    path.join(dir, `${Date.now()}-${logId}.json`),
    JSON.stringify({ ...message, from: e.EMAIL_FROM, messageId, sentAt: new Date().toISOString() }, null, 2),
  );
  return { provider: "dev-outbox", messageId };
}
