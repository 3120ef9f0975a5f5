import { z } from "zod";
import { calculatorTypes } from "@/lib/calc";

export const historyEntryIdSchema = z.object({ id: z.uuid({ error: "That calculation was not found." }) });

/** `?type=` on /history and its export: one of the calculators, or all of them. */
export const historyTypeSchema = z.enum(calculatorTypes).nullable().catch(null);

export const deleteAllSchema = z.object({ type: z.string().optional().transform((v) => historyTypeSchema.parse(v || null)) });

export function parseHistoryQuery(query: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const type = historyTypeSchema.parse(first(query.type) ?? null);
  const page = Number.parseInt(first(query.page) ?? "1", 10);
  return { type, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 };
}
