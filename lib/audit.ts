import "server-only";
import { db, type DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

// Fields never written to the audit log, whatever table they come from.
const SECRET = /password|token|secret|loan_?number_?encrypted/i;

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !SECRET.test(k)).map(([k, v]) => [k, scrub(v)]));
  }
  return value;
}

/** Writes one audit_log row: every admin action, every account and billing state change. Pass the transaction that made the change. */
export async function audit(entry: AuditEntry, tx: DbOrTx = db): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
    ipAddress: entry.ip ?? null,
  });
}
