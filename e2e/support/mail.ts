/** Messages the app sent to `to`, captured by tests/support/mail-capture.ts (newest last). */
export type CapturedMail = { to: string[]; from: string; raw: string; receivedAt: string };

const MAIL_API = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 2530}`;

export async function mailbox(to: string): Promise<CapturedMail[]> {
  const res = await fetch(`${MAIL_API}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as CapturedMail[];
}

/** Waits for the n-th message to `to` and returns it. */
export async function waitForMail(to: string, count = 1, timeoutMs = 15_000): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const list = await mailbox(to);
    if (list.length >= count) return list[count - 1]!;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email #${count} to ${to} within ${timeoutMs} ms`);
}

/** The first link in a raw message whose URL contains `fragment` (quoted-printable decoded). */
export function linkFrom(mail: CapturedMail, fragment: string): string {
  const decoded = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const match = decoded.match(new RegExp(`https?://[^\\s"'<>]*${fragment.replace(/[/?]/g, "\\$&")}[^\\s"'<>]*`));
  if (!match) throw new Error(`no link containing ${fragment} in the message`);
  return match[0];
}
