import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { outboxDir, outboxEnabled } from "./transport";

export type OutboxMessage = { file: string; to: string; from: string; subject: string; html: string; text: string; sentAt: string };

/** The development outbox, newest first (at most `limit` messages). Empty when it is switched off. */
export function listOutbox(limit = 50): OutboxMessage[] {
  if (!outboxEnabled()) return [];
  let files: string[];
  try {
    files = readdirSync(outboxDir()).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  // Names start with the send time in milliseconds.
  files.sort((a, b) => Number(b.split("-")[0]) - Number(a.split("-")[0]) || b.localeCompare(a));
  const out: OutboxMessage[] = [];
  for (const file of files.slice(0, limit)) {
    try {
      const m = JSON.parse(readFileSync(path.join(outboxDir(), file), "utf8")) as Partial<OutboxMessage>;
      out.push({ file, to: String(m.to ?? ""), from: String(m.from ?? ""), subject: String(m.subject ?? ""), html: String(m.html ?? ""), text: String(m.text ?? ""), sentAt: String(m.sentAt ?? "") });
    } catch {
      // a half-written or foreign file: skip it
    }
  }
  return out;
}
