/**
 * What the calculator pages show about each calculator: URL slug, title, description and the
 * form's fields (labels, units, hints). Pure data, shared by the pages, the history and tests.
 */
import { calculatorDefaults, calculatorTypes, type CalculatorType } from "@/lib/calc/types";

export type FieldUnit = "dollars" | "percent" | "years" | "months";

export type FieldMeta = {
  name: string;
  label: string;
  unit: FieldUnit;
  hint?: string;
  optional?: boolean;
};

export type CalculatorMeta = {
  type: CalculatorType;
  slug: string;
  title: string;
  /** One sentence for the index and the page header. */
  description: string;
  fields: FieldMeta[];
};

const loanFields: FieldMeta[] = [
  { name: "principal", label: "Loan amount", unit: "dollars" },
  { name: "ratePercent", label: "Interest rate", unit: "percent" },
  { name: "termYears", label: "Loan term", unit: "years" },
];

const refinanceFields: FieldMeta[] = [
  { name: "balance", label: "Current balance", unit: "dollars", hint: "What you still owe today." },
  { name: "currentRatePercent", label: "Current rate", unit: "percent" },
  { name: "monthsLeft", label: "Payments left", unit: "months", hint: "Months left on your current loan." },
  { name: "newRatePercent", label: "New rate", unit: "percent" },
  { name: "newTermYears", label: "New loan term", unit: "years" },
  { name: "costs", label: "Closing costs", unit: "dollars", hint: "Paid up front, not rolled into the loan." },
];

export const calculatorMeta: { readonly [T in CalculatorType]: CalculatorMeta & { type: T } } = {
  monthly_payment: {
    type: "monthly_payment",
    slug: "monthly-payment",
    title: "Monthly payment",
    description: "The principal-and-interest payment of a fixed-rate loan, and what it costs over its life.",
    fields: loanFields,
  },
  amortization: {
    type: "amortization",
    slug: "amortization",
    title: "Amortization schedule",
    description: "Every payment split into principal and interest, year by year, with extra principal if you pay it.",
    fields: [
      ...loanFields,
      { name: "extraMonthlyPrincipal", label: "Extra principal each month", unit: "dollars", optional: true, hint: "Optional. Leave blank for none." },
    ],
  },
  target_rate: {
    type: "target_rate",
    slug: "target-rate",
    title: "Target rate finder",
    description: "The highest rate at which refinancing your balance reaches the monthly payment you want.",
    fields: [
      { name: "balance", label: "Balance to refinance", unit: "dollars" },
      { name: "newTermYears", label: "New loan term", unit: "years" },
      { name: "targetPayment", label: "Target monthly payment", unit: "dollars" },
    ],
  },
  break_even: {
    type: "break_even",
    slug: "break-even",
    title: "Break-even",
    description: "How many months until a refinance has paid back its closing costs.",
    fields: refinanceFields,
  },
  refinance_savings: {
    type: "refinance_savings",
    slug: "refinance-savings",
    title: "Refinance savings",
    description: "Monthly and lifetime savings of a refinance offer, closing costs included.",
    fields: refinanceFields,
  },
  efficient_frontier: {
    type: "efficient_frontier",
    slug: "efficient-frontier",
    title: "Efficient frontier",
    description: "For every month of your loan, the highest refinance rate that still pays less interest overall.",
    fields: [
      { name: "principal", label: "Original loan amount", unit: "dollars" },
      { name: "ratePercent", label: "Original rate", unit: "percent" },
      { name: "termYears", label: "Original term", unit: "years" },
      { name: "currentMonth", label: "Payments made so far", unit: "months", hint: "Months since the loan started." },
      { name: "offeredRatePercent", label: "Rate you are offered", unit: "percent" },
      { name: "newTermYears", label: "New loan term", unit: "years" },
      { name: "costs", label: "Closing costs", unit: "dollars" },
    ],
  },
};

export const calculatorList: CalculatorMeta[] = calculatorTypes.map((type) => calculatorMeta[type]);

export function calculatorBySlug(slug: string): CalculatorMeta | null {
  return calculatorList.find((c) => c.slug === slug) ?? null;
}

export function calculatorPath(type: CalculatorType): string {
  return `/calculators/${calculatorMeta[type].slug}`;
}

/** Form values as strings (what inputs hold), by field name. */
export type FormValues = Record<string, string>;

export function defaultValues(type: CalculatorType): FormValues {
  const defaults = calculatorDefaults[type] as Record<string, number>;
  const values: FormValues = {};
  for (const field of calculatorMeta[type].fields) {
    const value = defaults[field.name];
    values[field.name] = field.optional && !value ? "" : String(value ?? "");
  }
  return values;
}

/**
 * The form values a URL asks for: the calculator's own fields from the query, the demo
 * defaults for the rest. `hasInputs` says whether the URL named any field at all.
 */
export function valuesFromQuery(
  type: CalculatorType,
  query: Record<string, string | string[] | undefined>,
): { values: FormValues; hasInputs: boolean } {
  const values = defaultValues(type);
  let hasInputs = false;
  for (const field of calculatorMeta[type].fields) {
    const raw = query[field.name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) continue;
    hasInputs = true;
    values[field.name] = value.slice(0, 40);
  }
  return { values, hasInputs };
}

/** The shareable URL of a calculation: its page with the (parsed) inputs in the query. */
export function calculatorUrl(type: CalculatorType, input: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const field of calculatorMeta[type].fields) {
    const value = input[field.name];
    if (value === undefined || value === null) continue;
    if (field.optional && (value === 0 || value === "")) continue;
    params.set(field.name, String(value));
  }
  const query = params.toString();
  return query ? `${calculatorPath(type)}?${query}` : calculatorPath(type);
}

export const calculatorTitle = (type: CalculatorType) => calculatorMeta[type].title;
