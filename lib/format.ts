// Display formatting only: values stay full precision (or integer cents) everywhere else.
// Formatters are made once and reused: toLocaleString(…, options) builds a new Intl formatter on
// every call, which costs more than the formatting itself (pages format hundreds of values).
import { CURRENCIES, DATE_FORMATS } from "@/lib/account/options";

export type DisplayCurrency = (typeof CURRENCIES)[number];
export type DisplayDateFormat = (typeof DATE_FORMATS)[number];

/**
 * How a signed-in homeowner reads their own numbers: the currency their amounts are in (a sign
 * only, nothing is converted) and the order of a date's parts (their preferences), and the time
 * zone of their browser for times of day (an IANA name; UTC until the browser has told us).
 * Public pages, which are the same for everyone, use DEFAULT_DISPLAY.
 */
export type DisplayFormat = { currency: DisplayCurrency; dateFormat: DisplayDateFormat; timeZone: string };
export const DEFAULT_DISPLAY: DisplayFormat = { currency: "USD", dateFormat: "MM/DD/YYYY", timeZone: "UTC" };

const knownZones = new Set<string>(["UTC"]);

/** An IANA time zone this runtime knows ("America/Chicago"); anything else is refused. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    return false;
  }
  knownZones.add(value);
  return true;
}

/**
 * A display format from stored preferences (or an email's stored params) and a time zone:
 * anything that is not one of the options (an old or hand-edited row, a missing field or
 * object, a zone the runtime does not know) reads as the default.
 */
export function displayFormatOf(value: unknown): DisplayFormat {
  const prefs = value && typeof value === "object" ? (value as { currency?: unknown; dateFormat?: unknown; timeZone?: unknown }) : null;
  const currency = typeof prefs?.currency === "string" ? prefs.currency.trim().toUpperCase() : "";
  const dateFormat = typeof prefs?.dateFormat === "string" ? prefs.dateFormat : "";
  return {
    currency: (CURRENCIES as readonly string[]).includes(currency) ? (currency as DisplayCurrency) : DEFAULT_DISPLAY.currency,
    dateFormat: (DATE_FORMATS as readonly string[]).includes(dateFormat) ? (dateFormat as DisplayDateFormat) : DEFAULT_DISPLAY.dateFormat,
    timeZone: isTimeZone(prefs?.timeZone) ? prefs.timeZone : DEFAULT_DISPLAY.timeZone,
  };
}

export type Formatter = {
  display: DisplayFormat;
  /** The currency's sign as the amounts show it, for labels such as "Balance (€)": $, CA$, €, £, A$. */
  symbol: string;
  /** Integer cents as money, e.g. 123456 -> "$1,234.56" ("€1,234.56" for EUR); whole drops the cents. */
  cents(cents: number | null | undefined, opts?: { whole?: boolean }): string;
  dollars(dollars: number | null | undefined, opts?: { whole?: boolean }): string;
  /** A calendar date (yyyy-mm-dd, no time zone): "Sep 24, 2026", "24 Sep 2026" or "2026-09-24". */
  date(isoDate: string | null | undefined): string;
  /**
   * An instant in the reader's time zone, named: "Sep 24, 2026, 2:05 PM UTC", "24 Sep 2026, 16:05
   * GMT+2" or "2026-09-24 09:05 CDT".
   */
  dateTime(date: Date | null | undefined): string;
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

// Dates are put together by hand rather than by an Intl locale: "24 Sep 2026" must not become
// "24 Sept 2026" when the ICU data changes (en-GB did exactly that), and ISO has no locale.
function datePart(y: number, m: number, d: number, format: DisplayDateFormat): string {
  if (format === "DD/MM/YYYY") return `${d} ${MONTHS[m - 1]} ${y}`;
  if (format === "YYYY-MM-DD") return `${y}-${pad(m)}-${pad(d)}`;
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

function timePart(h: number, min: number, format: DisplayDateFormat): string {
  if (format === "MM/DD/YYYY") return `${h % 12 === 0 ? 12 : h % 12}:${pad(min)} ${h < 12 ? "AM" : "PM"}`;
  return `${pad(h)}:${pad(min)}`;
}

export type WallClock = { y: number; m: number; d: number; h: number; min: number; zone: string };

/** The wall-clock reading of an instant in a time zone, with the zone's short name ("CDT", "GMT+2"). */
function wallClockIn(timeZone: string): (date: Date) => WallClock {
  if (timeZone === "UTC") {
    return (date) => ({ y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), h: date.getUTCHours(), min: date.getUTCMinutes(), zone: "UTC" });
  }
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
    timeZoneName: "short",
  });
  return (date) => {
    const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
    return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour) % 24, min: Number(p.minute), zone: p.timeZoneName ?? timeZone };
  };
}

const clocks = new Map<string, (date: Date) => WallClock>();

/** An instant's wall-clock reading in an IANA zone (a zone Intl does not know reads as UTC). */
export function wallClock(date: Date, timeZone: string): WallClock {
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  let clock = clocks.get(zone);
  if (!clock) {
    clock = wallClockIn(zone);
    clocks.set(zone, clock);
  }
  return clock(date);
}

function makeFormatter(display: DisplayFormat): Formatter {
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: display.currency });
  const money0 = new Intl.NumberFormat("en-US", { style: "currency", currency: display.currency, maximumFractionDigits: 0 });
  // A true minus sign (U+2212), as typeset figures have it: "−$406.51", not a hyphen.
  const amount = (value: number | null | undefined, whole?: boolean) =>
    value === null || value === undefined || !Number.isFinite(value) ? "—" : (whole ? money0 : money).format(value).replace(/^-/, "\u2212");
  return {
    display,
    symbol: money.formatToParts(1).find((p) => p.type === "currency")?.value ?? display.currency,
    cents: (cents, opts = {}) => amount(cents === null || cents === undefined ? cents : cents / 100, opts.whole),
    dollars: (dollars, opts = {}) => amount(dollars, opts.whole),
    date(isoDate) {
      if (!isoDate) return "—";
      const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
      if (!y || !m || !d) return "—";
      return datePart(y, m, d, display.dateFormat);
    },
    dateTime(date) {
      if (!date || Number.isNaN(date.getTime())) return "—";
      const t = wallClock(date, display.timeZone);
      const day = datePart(t.y, t.m, t.d, display.dateFormat);
      return `${day}${display.dateFormat === "YYYY-MM-DD" ? " " : ", "}${timePart(t.h, t.min, display.dateFormat)} ${t.zone}`;
    },
  };
}

const formatters = new Map<string, Formatter>();

/** The formatter for a display format, each made once (bounded: 15 formats × the zones Intl knows). */
export function formatterFor(display: DisplayFormat = DEFAULT_DISPLAY): Formatter {
  const key = `${display.currency}|${display.dateFormat}|${display.timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = makeFormatter(display);
    formatters.set(key, f);
  }
  return f;
}

const defaults = formatterFor(DEFAULT_DISPLAY);

// The site's own format, for public pages, admin views and Stripe-side amounts in US dollars.
export const formatCents: Formatter["cents"] = defaults.cents;
export const formatDollars: Formatter["dollars"] = defaults.dollars;
export const formatDate: Formatter["date"] = defaults.date;
export const formatDateTime: Formatter["dateTime"] = defaults.dateTime;

const percentFormats = new Map<number, Intl.NumberFormat>();

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

export function formatMonths(months: number | null | undefined): string {
  if (months === null || months === undefined || !Number.isFinite(months)) return "—";
  const y = Math.floor(months / 12);
  const m = months % 12;
  if (y === 0) return `${m} mo`;
  return m === 0 ? `${y} yr` : `${y} yr ${m} mo`;
}
