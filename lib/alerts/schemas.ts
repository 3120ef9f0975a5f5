/**
 * zod schemas for the alert form. Form strings are cleaned here ("$1,850", " 5.25 % "); money
 * stays in dollars until queries.ts converts it to cents. The target the type needs is required
 * (and named on its field); the other target is ignored.
 */
import { z } from "zod";
import { numberFromText, rateFromText } from "@/lib/calc/number-text";

export const ALERT_TYPES = ["interest_rate", "monthly_payment"] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export const ALERT_TYPE_LABELS: Record<AlertType, string> = {
  interest_rate: "Interest rate",
  monthly_payment: "Monthly payment",
};

/** Target terms offered on the form (months). Other terms are watched against the nearest product. */
export const TERM_OPTIONS = [
  { value: 360, label: "30 years (360 months)" },
  { value: 300, label: "25 years (300 months)" },
  { value: 240, label: "20 years (240 months)" },
  { value: 180, label: "15 years (180 months)" },
  { value: 120, label: "10 years (120 months)" },
] as const;

const money = (message: string, min: number, max: number) => z.number({ error: message }).min(min, { error: message }).max(max, { error: message });

const RATE_MSG = "Enter a target rate between 0.01% and 25%, e.g. 5.25.";
const PAYMENT_MSG = "Enter a target monthly payment between 1 and 1,000,000.";
const COST_MSG = "Enter refinance costs between 0 and 1,000,000, or leave it blank.";
const TERM_MSG = "Choose the term of the new loan.";

export const alertFormSchema = z
  .object({
    alertType: z.enum(ALERT_TYPES, { error: "Choose what the alert watches." }),
    targetRate: z.preprocess(rateFromText, z.number({ error: RATE_MSG }).gt(0, { error: RATE_MSG }).max(25, { error: RATE_MSG }).optional()),
    targetPayment: z.preprocess(numberFromText, money(PAYMENT_MSG, 1, 1_000_000).optional()),
    targetTerm: z.preprocess(numberFromText, z.number({ error: TERM_MSG }).int({ error: TERM_MSG }).min(12, { error: TERM_MSG }).max(600, { error: TERM_MSG })),
    refinanceCost: z.preprocess(numberFromText, money(COST_MSG, 0, 1_000_000).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.alertType === "interest_rate" && v.targetRate === undefined) ctx.addIssue({ code: "custom", path: ["targetRate"], message: RATE_MSG });
    if (v.alertType === "monthly_payment" && v.targetPayment === undefined) ctx.addIssue({ code: "custom", path: ["targetPayment"], message: PAYMENT_MSG });
  });
export type AlertForm = z.infer<typeof alertFormSchema>;

export const createAlertSchema = alertFormSchema.and(z.object({ mortgageId: z.uuid({ error: "Choose the mortgage this alert watches." }) }));

export const idSchema = z.uuid();
export const isUuid = (v: unknown): v is string => idSchema.safeParse(v).success;
