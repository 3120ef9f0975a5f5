"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { calculatorMeta, calculatorUrl } from "@/components/calculators/meta";
import { isCalculatorType, type CalculatorType } from "@/lib/calc";
import { clientIp } from "@/lib/auth/auth";
import { syncDisplayCookie } from "@/lib/auth/request";
import { getSession } from "@/lib/auth/session";
import { NotFoundError, RateLimitError, ValidationError } from "@/lib/errors";
import { DEFAULT_DISPLAY, type DisplayFormat } from "@/lib/format";
import { validatedAction } from "@/lib/validated-action";
import { calculate, type FieldErrors } from "./calculate";
import {
  claimAnonymousHistory,
  deleteAllHistory,
  deleteHistoryEntry,
  mortgagesForCalculators,
  recordCalculation,
  type CalculatorMortgage,
  type HistoryOwner,
} from "./queries";
import { deleteAllSchema, historyEntryIdSchema } from "./schemas";
import { clearAnonymousSessionCookie, ensureAnonymousSessionId, readAnonymousSessionId } from "./session-cookie";

export type CalculateState =
  | { ok: false; errors: FieldErrors; message: string }
  | {
      ok: true;
      type: CalculatorType;
      input: Record<string, unknown>;
      output: unknown;
      /** The shareable URL of this result. */
      url: string;
      saved: boolean;
      signedIn: boolean;
      /** Why it was not saved, when it wasn't. */
      notice?: string;
    };

/**
 * Runs a calculator for the form and saves it to the visitor's history: the signed-in user's,
 * or the anonymous browser session's (cookie created on the first save). A result is shown even
 * when saving is refused (rate limit); invalid input shows field messages and saves nothing.
 */
export async function calculateAction(type: string, values: Record<string, unknown>, mortgageId?: string | null): Promise<CalculateState> {
  if (!isCalculatorType(type)) return { ok: false, errors: {}, message: "Unknown calculator." };
  // Only this calculator's fields, only text: nothing else from the client reaches the core.
  const clean: Record<string, string> = {};
  for (const field of calculatorMeta[type].fields) {
    const value = values?.[field.name];
    clean[field.name] = typeof value === "string" ? value : "";
  }
  const result = calculate(type, clean);
  if (!result.ok) return { ok: false, errors: result.errors, message: "Please correct the highlighted fields." };

  const user = await getSession();
  const h = await headers();
  const info = { ip: clientIp(h), userAgent: h.get("user-agent") };
  let owner: HistoryOwner;
  if (user) {
    owner = { userId: user.id };
    // Runs made before signing in on this browser become the user's now.
    const anonymous = await readAnonymousSessionId();
    if (anonymous) {
      await claimAnonymousHistory(anonymous, user.id);
      await clearAnonymousSessionCookie();
    }
  } else {
    owner = { sessionId: await ensureAnonymousSessionId() };
  }

  const shown = { ok: true as const, type, input: result.input as Record<string, unknown>, output: result.output, url: calculatorUrl(type, result.input as Record<string, unknown>), signedIn: Boolean(user) };
  try {
    await recordCalculation(owner, type, clean, info, user ? mortgageId : null);
    if (user) revalidatePath("/history");
    return { ...shown, saved: true };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, errors: err.fieldErrors, message: err.message };
    if (err instanceof RateLimitError) return { ...shown, saved: false, notice: err.message };
    console.error(err);
    return { ...shown, saved: false, notice: "This result could not be saved to your history. Please try again." };
  }
}

export type CalculatorExtras = { signedIn: boolean; mortgages: CalculatorMortgage[]; display: DisplayFormat };

/**
 * What a signed-in visitor gets on the public calculator pages: their mortgages to pre-fill from,
 * and their currency and date format (the prerendered page shows the site's until this arrives).
 */
export async function calculatorExtrasAction(): Promise<CalculatorExtras> {
  const user = await getSession();
  // The display cookie follows the session: set on a first visit after the preference changed
  // elsewhere, gone once the visitor is signed out.
  await syncDisplayCookie(user?.display ?? null);
  if (!user) return { signedIn: false, mortgages: [], display: DEFAULT_DISPLAY };
  return { signedIn: true, mortgages: await mortgagesForCalculators(user.id), display: user.display };
}

export const deleteHistoryEntryAction = validatedAction(historyEntryIdSchema, async ({ id }) => {
  const user = await getSession();
  if (!user) throw new NotFoundError("That calculation was not found.");
  await deleteHistoryEntry(user.id, id);
  revalidatePath("/history");
  return { ok: true, message: "Calculation deleted." };
});

export const deleteAllHistoryAction = validatedAction(deleteAllSchema, async ({ type }) => {
  const user = await getSession();
  if (!user) throw new NotFoundError("Nothing to delete.");
  const n = await deleteAllHistory(user.id, type);
  revalidatePath("/history");
  return { ok: true, message: n === 1 ? "1 calculation deleted." : `${n} calculations deleted.` };
});
