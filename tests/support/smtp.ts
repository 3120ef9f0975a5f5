import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; from: string; raw: string };

/**
 * A real SMTP server on a random loopback port for integration tests. `mode` switches it
 * between accepting, failing temporarily (451), rejecting the recipient permanently (550), and
 * refusing our sender by policy (554 to MAIL FROM: a blocked or over-quota account).
 */
export async function startSmtpServer() {
  const messages: ReceivedMail[] = [];
  const state = { mode: "accept" as "accept" | "temporary" | "permanent" | "sender-blocked" };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (state.mode === "sender-blocked") {
        return callback(Object.assign(new Error("554 sending account suspended"), { responseCode: 554 }));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (state.mode === "permanent") {
        const err = Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 });
        return callback(err);
      }
      if (state.mode === "temporary") {
        const err = Object.assign(new Error("451 try again later"), { responseCode: 451 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    setMode(mode: typeof state.mode) {
      state.mode = mode;
    },
    /** Messages to one address. */
    to(address: string) {
      return messages.filter((m) => m.to.includes(address.toLowerCase()));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Decodes quoted-printable so a raw message reads as sent: soft breaks, =XX escapes and runs of
 * them as UTF-8 (=E2=82=AC -> €). Only the body is decoded: headers are not quoted-printable,
 * and a header such as "List-Unsubscribe: <…?token=95…>" must stay as it is.
 */
export function decodeRaw(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  if (split < 0) return raw;
  const body = raw
    .slice(split)
    .replace(/=\r?\n/g, "")
    .replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ""), "hex").toString("utf8"));
  return raw.slice(0, split) + body;
}
