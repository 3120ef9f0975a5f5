import { z } from "zod";

export const userIdSchema = z.object({ userId: z.uuid({ message: "Unknown user." }) });

export const roleSchema = userIdSchema.extend({ role: z.enum(["user", "admin"]) });

export const purgeSchema = userIdSchema.extend({
  confirmEmail: z.string().trim().min(1, "Type the account's email address to confirm.").max(255),
});

export const emailIdSchema = z.object({ emailId: z.uuid({ message: "Unknown email." }) });

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as yyyy-mm-dd.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "That date doesn't exist.");

/** One week's published rate, typed by an admin. */
export const rateEntrySchema = z.object({
  date: isoDate.refine((s) => s <= new Date().toISOString().slice(0, 10), "The date can't be in the future.").refine((s) => s >= "1971-01-01", "PMMS data starts in 1971."),
  rateType: z.string().trim().min(1, "Choose a rate type."),
  rate: z.coerce
    .number({ message: "Enter the rate as a number, e.g. 6.875." })
    .gt(0, "The rate must be above 0%.")
    .lte(25, "The rate can't be above 25%.")
    .refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, "Use at most 3 decimals."),
  points: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const n = Number(s);
      if (!Number.isFinite(n) || n < 0 || n > 9.99) {
        ctx.addIssue({ code: "custom", message: "Points must be between 0 and 9.99, or left empty." });
        return z.NEVER;
      }
      return Math.round(n * 100) / 100;
    }),
});
export type RateEntry = z.infer<typeof rateEntrySchema>;

export const rateIdSchema = z.object({ rateId: z.uuid({ message: "Unknown rate." }) });

export const rateUploadSchema = z.object({
  partial: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

/** A new price for a plan: dollars typed, cents stored. */
export const newPriceSchema = z.object({
  planId: z.uuid({ message: "Choose a plan." }),
  amount: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, "Enter an amount in dollars, e.g. 120 or 9.99.")
    .transform((s) => Math.round(Number(s) * 100))
    .refine((c) => c >= 50, "The amount must be at least $0.50 (Stripe's minimum).")
    .refine((c) => c <= 99_999_999, "The amount can be at most $999,999.99 (Stripe's maximum)."),
  interval: z.enum(["month", "year"], { message: "Choose monthly or yearly." }),
  replaceCurrent: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type NewPrice = z.infer<typeof newPriceSchema>;

export const priceActiveSchema = z.object({
  priceId: z.uuid({ message: "Unknown price." }),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const planActiveSchema = z.object({
  planId: z.uuid({ message: "Unknown plan." }),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
