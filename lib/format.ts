// Display formatting only: values stay full precision (or integer cents) everywhere else.
// Formatters are made once and reused: toLocaleString(…, options) builds a new Intl formatter on
// every call, which costs more than the formatting itself (pages format hundreds of values).
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export function formatCents(cents: number | null | undefined, opts: { whole?: boolean } = {}): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return "—";
  return (opts.whole ? usd0 : usd).format(cents / 100);
}

export function formatDollars(dollars: number | null | undefined, opts: { whole?: boolean } = {}): string {
  if (dollars === null || dollars === undefined || !Number.isFinite(dollars)) return "—";
  return (opts.whole ? usd0 : usd).format(dollars);
}

const percentFormats = new Map<number, Intl.NumberFormat>();
const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** 6.875 -> "6.875%"; 6.8 -> "6.80%" (at least two decimals, as rates are quoted). */
export function formatPercent(value: number | null | undefined, maxDigits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  let format = percentFormats.get(maxDigits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: maxDigits });
    percentFormats.set(maxDigits, format);
  }
  return `${format.format(value)}%`;
}

/** A change in percentage points as basis points, e.g. -0.12 -> "-12 bp". */
export function formatBasisPoints(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return "—";
  const bp = Math.round(change * 100);
  return `${bp > 0 ? "+" : ""}${bp} bp`;
}

/** yyyy-mm-dd (a calendar date, no time zone) -> "Sep 24, 2026". */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "—";
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  return dateFormat.format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return "—";
  return dateTimeFormat.format(date) + " UTC";
}

export function formatMonths(months: number | null | undefined): string {
  if (months === null || months === undefined || !Number.isFinite(months)) return "—";
  const y = Math.floor(months / 12);
  const m = months % 12;
  if (y === 0) return `${m} mo`;
  return m === 0 ? `${y} yr` : `${y} yr ${m} mo`;
}
