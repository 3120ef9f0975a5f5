/**
 * zod schemas for the mortgage and balance-snapshot forms. Form strings are coerced here
 * ("$400,000", "€400,000", " 4.5 % "); money stays in whole units until queries.ts converts it to cents.
 * Every bound is a field message (no silent clamping), and the cross-field rules (remaining
 * principal not above the original, remaining term within the original term) name the field
 * they belong to.
 */
import { z } from "zod";
import { numberFromText, rateFromText } from "@/lib/calc/number-text";
import { isIsoDate, latestTodayOnEarth } from "./dates";

export const PROPERTY_TYPES = ["single_family", "condo", "townhouse", "multi_family"] as const;
export const OCCUPANCY_TYPES = ["primary", "secondary", "investment"] as const;

export const PROPERTY_TYPE_LABELS: Record<(typeof PROPERTY_TYPES)[number], string> = {
  single_family: "Single-family home",
  condo: "Condo",
  townhouse: "Townhouse",
  multi_family: "Multi-family (2–4 units)",
};
export const OCCUPANCY_LABELS: Record<(typeof OCCUPANCY_TYPES)[number], string> = {
  primary: "Primary residence",
  secondary: "Second home",
  investment: "Investment property",
};

export const LIMITS = {
  principalMin: 1_000,
  principalMax: 100_000_000,
  rateMax: 25,
  termYearsMax: 50,
  propertyValueMax: 1_000_000_000,
} as const;


function num(message: string, min: number, max: number, opts: { integer?: boolean; aboveMin?: boolean } = {}) {
  let schema = z.number({ error: message });
  schema = opts.aboveMin ? schema.gt(min, { error: message }) : schema.min(min, { error: message });
  schema = schema.max(max, { error: message });
  if (opts.integer) schema = schema.int({ error: message });
  return schema;
}

const required = (inner: z.ZodNumber) => z.preprocess(numberFromText, inner);
const optional = (inner: z.ZodNumber) => z.preprocess(numberFromText, inner.optional());

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const pastDate = (label: string) =>
  z
    .string()
    .trim()
    .refine(isIsoDate, { error: `Enter the ${label} as a date (YYYY-MM-DD).` })
    .refine((d) => d >= "1900-01-01", { error: `The ${label} must be after 1900.` })
    .refine((d) => d <= latestTodayOnEarth(), { error: `The ${label} can't be in the future.` });

const mortgageFields = {
  name: z
    .string({ error: "Give this mortgage a name." })
    .trim()
    .min(1, "Give this mortgage a name, e.g. “Maple Street home”.")
    .max(100, "Names are at most 100 characters."),
  zipCode: z
    .string({ error: "Enter the property's 5-digit ZIP code." })
    .trim()
    .regex(/^\d{5}$/, "Enter the property's 5-digit ZIP code."),
  originalPrincipal: required(num("Enter an original principal between 1,000 and 100,000,000.", LIMITS.principalMin, LIMITS.principalMax)),
  termYears: required(num("Enter a term between 1 and 50 whole years.", 1, LIMITS.termYearsMax, { integer: true })),
  originalRate: z.preprocess(rateFromText, num("Enter an interest rate between 0% and 25%.", 0, LIMITS.rateMax)),
  originationDate: z.preprocess(blankToUndefined, pastDate("origination date").optional()),
  remainingPrincipal: optional(num("Enter a remaining principal between 0 and 100,000,000.", 0, LIMITS.principalMax)),
  remainingTerm: optional(num("Enter the months left as a whole number between 0 and 600.", 0, 600, { integer: true })),
  creditScore: optional(num("Credit scores run from 300 to 850.", 300, 850, { integer: true })),
  propertyType: z.preprocess(blankToUndefined, z.enum(PROPERTY_TYPES, { error: "Choose a property type." }).optional()),
  occupancyType: z.preprocess(blankToUndefined, z.enum(OCCUPANCY_TYPES, { error: "Choose how the property is used." }).default("primary")),
  estimatedPropertyValue: optional(
    num("Enter a property value above 0 and at most 1,000,000,000.", 0, LIMITS.propertyValueMax, { aboveMin: true }),
  ),
  lenderName: z.preprocess(blankToUndefined, z.string().trim().max(100, "Lender names are at most 100 characters.").optional()),
  loanNumber: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,38}[A-Za-z0-9]$/, "Loan numbers are 4 to 40 letters, digits, spaces or dashes.")
      .optional(),
  ),
  // Edit only: the loan number field is blank when one is stored; this removes it.
  clearLoanNumber: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
};

type MortgageShape = z.infer<z.ZodObject<typeof mortgageFields>>;

function crossFieldRules(data: MortgageShape, ctx: z.RefinementCtx) {
  const termMonths = data.termYears * 12;
  if (data.remainingPrincipal !== undefined && data.remainingPrincipal > data.originalPrincipal) {
    ctx.addIssue({ code: "custom", path: ["remainingPrincipal"], message: "The remaining principal can't be more than the original principal." });
  }
  if (data.remainingTerm !== undefined && data.remainingTerm > termMonths) {
    ctx.addIssue({ code: "custom", path: ["remainingTerm"], message: `The months left can't be more than the original term (${termMonths} months).` });
  }
  if (data.remainingTerm === 0 && data.remainingPrincipal !== undefined && data.remainingPrincipal > 0) {
    ctx.addIssue({ code: "custom", path: ["remainingTerm"], message: "A loan with a balance has at least one month left." });
  }
}

export const mortgageFormSchema = z.object(mortgageFields).superRefine(crossFieldRules);
export const mortgageUpdateSchema = z
  .object({ ...mortgageFields, id: z.string({ error: "Missing mortgage." }) })
  .superRefine(crossFieldRules);

export type MortgageForm = z.infer<typeof mortgageFormSchema>;

export const snapshotFormSchema = z
  .object({
    mortgageId: z.string({ error: "Missing mortgage." }),
    recordedOn: pastDate("date"),
    balance: required(num("Enter the balance from your statement, between 0 and 100,000,000.", 0, LIMITS.principalMax)),
    rate: z.preprocess(rateFromText, num("Enter an interest rate between 0% and 25%.", 0, LIMITS.rateMax)),
    monthsLeft: required(num("Enter the months left as a whole number between 0 and 600.", 0, 600, { integer: true })),
  })
  .superRefine((data, ctx) => {
    if (data.monthsLeft === 0 && data.balance > 0) {
      ctx.addIssue({ code: "custom", path: ["monthsLeft"], message: "A loan with a balance has at least one month left." });
    }
  });

export type SnapshotForm = z.infer<typeof snapshotFormSchema>;

/** One recorded balance to remove (its owner is checked in tracking.ts). */
export const snapshotIdSchema = z.object({ id: z.string({ error: "Missing balance." }).max(64) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from URLs and forms: anything that is not a UUID can't be a mortgage (404, not a database error). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
