import "server-only";
import { currentRateSql } from "@/lib/mortgages/current-rate";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { calculationHistory, mortgages } from "@/db/schema";
import type { CalculatorType } from "@/lib/calc";
import { NotFoundError, RateLimitError, ValidationError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit";
import { rateLimitSubject } from "@/lib/server/client-address";
import { calculate } from "./calculate";

/** Whose history a calculation goes to: a signed-in user, or an anonymous browser session. */
export type HistoryOwner = { userId: string } | { sessionId: string };

export type RequestInfo = { ip: string | null; userAgent: string | null };

/**
 * Saves per hour. Anonymous visitors are limited per browser session and per address (a
 * script that drops its cookie still hits the address limit); signed-in users get a generous
 * cap that only stops runaway scripts.
 */
export const HISTORY_LIMITS = {
  anonymousPerSession: { limit: 30, windowSeconds: 3600 },
  anonymousPerIp: { limit: 120, windowSeconds: 3600 },
  perUser: { limit: 600, windowSeconds: 3600 },
} as const;

const uuid = z.uuid();

async function checkSaveLimits(owner: HistoryOwner, info: RequestInfo): Promise<void> {
  const message = "You've run a lot of calculations in the last hour, so this one wasn't saved to your history. Try again later.";
  const checks: [string, { limit: number; windowSeconds: number }][] =
    "userId" in owner
      ? [[`calc:user:${owner.userId}`, HISTORY_LIMITS.perUser]]
      : [
          [`calc:session:${owner.sessionId}`, HISTORY_LIMITS.anonymousPerSession],
          ...(info.ip ? [[`calc:ip:${rateLimitSubject(info.ip)}`, HISTORY_LIMITS.anonymousPerIp] as [string, { limit: number; windowSeconds: number }]] : []),
        ];
  for (const [key, { limit, windowSeconds }] of checks) {
    const result = await consumeRateLimit(key, limit, windowSeconds);
    if (!result.allowed) throw new RateLimitError(message, result.retryAfterSeconds);
  }
}

/** The user's live mortgage, or null (someone else's, deleted, or not an id at all). */
export async function findOwnMortgage(userId: string, mortgageId: string) {
  if (!uuid.safeParse(mortgageId).success) return null;
  const [row] = await db
    .select()
    .from(mortgages)
    .where(and(eq(mortgages.id, mortgageId), eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Validates, runs and saves one calculation. Invalid input throws ValidationError (with field
 * messages) and saves nothing; a mortgage must be the signed-in owner's own; over the limit
 * throws RateLimitError and saves nothing.
 */
export async function recordCalculation<T extends CalculatorType>(
  owner: HistoryOwner,
  type: T,
  rawInput: unknown,
  info: RequestInfo,
  mortgageId?: string | null,
) {
  const result = calculate(type, rawInput);
  if (!result.ok) throw new ValidationError("Please correct the highlighted fields.", result.errors);
  if (mortgageId) {
    const own = "userId" in owner ? await findOwnMortgage(owner.userId, mortgageId) : null;
    if (!own) throw new ValidationError("That mortgage was not found.", { mortgageId: ["That mortgage was not found."] });
  }
  await checkSaveLimits(owner, info);
  const [row] = await db
    .insert(calculationHistory)
    .values({
      userId: "userId" in owner ? owner.userId : null,
      sessionId: "sessionId" in owner ? owner.sessionId : null,
      mortgageId: mortgageId || null,
      calculationType: type,
      inputParams: result.input as Record<string, unknown>,
      outputResults: result.output as unknown as Record<string, unknown>,
      ipAddress: info.ip?.slice(0, 45) ?? null,
      userAgent: info.userAgent?.slice(0, 255) ?? null,
    })
    .returning({ id: calculationHistory.id, createdAt: calculationHistory.createdAt });
  return { id: row!.id, createdAt: row!.createdAt, input: result.input, output: result.output };
}

/**
 * Hands an anonymous session's history to a user (at sign-up or sign-in), in one transaction.
 * The session id is cleared on the claimed rows, so the same cookie can never hand them to
 * anyone else. Returns how many calculations were claimed.
 */
export async function claimAnonymousHistory(sessionId: string, userId: string): Promise<number> {
  if (typeof sessionId !== "string" || sessionId.length === 0 || sessionId.length > 100) return 0;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(calculationHistory)
      .set({ userId, sessionId: null })
      .where(and(eq(calculationHistory.sessionId, sessionId), isNull(calculationHistory.userId)))
      .returning({ id: calculationHistory.id });
    return claimed.length;
  });
}

export const HISTORY_PAGE_SIZE = 20;

export type HistoryEntry = {
  id: string;
  type: CalculatorType;
  input: Record<string, unknown>;
  summary: Record<string, unknown>;
  mortgageId: string | null;
  mortgageName: string | null;
  createdAt: Date;
};

function ownedBy(userId: string, type?: CalculatorType | null) {
  return and(eq(calculationHistory.userId, userId), type ? eq(calculationHistory.calculationType, type) : undefined);
}

/** A user's calculations, newest first, optionally of one type; `page` starts at 1. */
export async function listHistory(
  userId: string,
  opts: { type?: CalculatorType | null; page?: number; pageSize?: number } = {},
): Promise<{ entries: HistoryEntry[]; total: number; page: number; pageCount: number }> {
  const pageSize = opts.pageSize ?? HISTORY_PAGE_SIZE;
  const where = ownedBy(userId, opts.type);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(calculationHistory).where(where);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pageCount);
  const rows = await db
    .select({
      id: calculationHistory.id,
      type: calculationHistory.calculationType,
      input: calculationHistory.inputParams,
      // Only the summary: the chart data stays in the database.
      summary: sql<Record<string, unknown> | null>`${calculationHistory.outputResults} -> 'summary'`,
      mortgageId: calculationHistory.mortgageId,
      mortgageName: mortgages.name,
      createdAt: calculationHistory.createdAt,
    })
    .from(calculationHistory)
    .leftJoin(mortgages, eq(mortgages.id, calculationHistory.mortgageId))
    .where(where)
    .orderBy(desc(calculationHistory.createdAt), desc(calculationHistory.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    entries: rows.map((r) => ({ ...r, summary: r.summary ?? {} })),
    total,
    page,
    pageCount,
  };
}

/** Deletes one of the user's calculations; someone else's (or none) is NotFound and changes nothing. */
export async function deleteHistoryEntry(userId: string, id: string): Promise<void> {
  if (!uuid.safeParse(id).success) throw new NotFoundError("That calculation was not found.");
  const deleted = await db
    .delete(calculationHistory)
    .where(and(eq(calculationHistory.id, id), eq(calculationHistory.userId, userId)))
    .returning({ id: calculationHistory.id });
  if (deleted.length === 0) throw new NotFoundError("That calculation was not found.");
}

/** Deletes all of the user's calculations (of one type, if given); returns how many. */
export async function deleteAllHistory(userId: string, type?: CalculatorType | null): Promise<number> {
  const deleted = await db.delete(calculationHistory).where(ownedBy(userId, type)).returning({ id: calculationHistory.id });
  return deleted.length;
}

/** Everything the CSV export holds, newest first (capped, so one request stays bounded). */
export const HISTORY_EXPORT_MAX_ROWS = 10_000;

export async function historyForExport(userId: string, type?: CalculatorType | null) {
  return db
    .select({
      id: calculationHistory.id,
      type: calculationHistory.calculationType,
      input: calculationHistory.inputParams,
      summary: sql<Record<string, unknown> | null>`${calculationHistory.outputResults} -> 'summary'`,
      mortgageName: mortgages.name,
      createdAt: calculationHistory.createdAt,
    })
    .from(calculationHistory)
    .leftJoin(mortgages, eq(mortgages.id, calculationHistory.mortgageId))
    .where(ownedBy(userId, type))
    .orderBy(desc(calculationHistory.createdAt), desc(calculationHistory.id))
    .limit(HISTORY_EXPORT_MAX_ROWS);
}

/** The user's live mortgages, with what the calculators can pre-fill from them. */
export async function mortgagesForCalculators(userId: string) {
  return db
    .select({
      id: mortgages.id,
      name: mortgages.name,
      originalPrincipalCents: mortgages.originalPrincipalCents,
      originalTerm: mortgages.originalTerm,
      originalInterestRate: mortgages.originalInterestRate,
      currentRate: currentRateSql(),
      remainingPrincipalCents: mortgages.remainingPrincipalCents,
      remainingTerm: mortgages.remainingTerm,
    })
    .from(mortgages)
    .where(and(eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .orderBy(mortgages.name);
}

export type CalculatorMortgage = Awaited<ReturnType<typeof mortgagesForCalculators>>[number];
