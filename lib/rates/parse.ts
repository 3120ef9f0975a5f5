// Parsers for the three rate file layouts we accept, detected from the header line:
//   - Freddie Mac's PMMS_history.csv: date,pmms30,pmms30p,pmms15,pmms15p,pmms51,pmms51p,... (M/D/YYYY)
//   - FRED series downloads: observation_date (or DATE),MORTGAGE30US[,MORTGAGE15US,MORTGAGE5US]
//   - ours (the shipped db/seed-data files): date,rate_type,rate,points
// Pure functions: no database, no framework, so they are unit-tested directly.
import { isRateType, PMMS_RATE_TYPES, type RateType } from "./types";

export type RateLayout = "freddie_mac_pmms" | "fred" | "refi_alert";

export type ParsedRate = {
  line: number;
  date: string;
  rateType: RateType;
  rate: number;
  /** null: published without points; undefined: this layout carries no points (keep what is stored). */
  points: number | null | undefined;
};

export type Rejection = { line: number; reason: string };

export type ParseResult = {
  layout: RateLayout;
  rows: ParsedRate[];
  rejections: Rejection[];
  /** Cells with no value (blank, or FRED's "."): not data, not an error. */
  skipped: number;
};

/** The whole file cannot be read (unknown header, empty file). Nothing in it is imported. */
export class RatesFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RatesFormatError";
  }
}

export const MAX_RATE = 25;
export const MAX_POINTS = 9.99; // numeric(3,2)

// Freddie Mac's columns: rate and points per series; the 5/1 ARM margin and spread are not stored.
const FREDDIE_SERIES: { prefix: string; type: RateType }[] = [
  { prefix: "pmms30", type: "30_year_fixed" },
  { prefix: "pmms15", type: "15_year_fixed" },
  { prefix: "pmms51", type: "5_1_ARM" },
];
const FREDDIE_COLUMNS = new Set(["pmms30", "pmms30p", "pmms15", "pmms15p", "pmms51", "pmms51p", "pmms51m", "pmms51spread"]);

const FRED_SERIES: Record<string, RateType> = {
  MORTGAGE30US: "30_year_fixed",
  MORTGAGE15US: "15_year_fixed",
  MORTGAGE5US: "5_1_ARM",
};

/** Splits one CSV line; handles double-quoted fields ("a","b") and doubled quotes inside them. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** yyyy-mm-dd or M/D/YYYY to yyyy-mm-dd; null when it is not a real calendar date. */
export function parseRateDate(raw: string): string | null {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    if (!match) return null;
    [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;
const isBlank = (v: string | undefined) => v === undefined || v === "" || v === ".";

type Value<T> = { ok: true; value: T } | { ok: false; reason: string };

function parseRate(raw: string, label: string): Value<number> {
  if (!NUMBER.test(raw)) return { ok: false, reason: `${label}rate "${raw}" is not a number` };
  const value = Math.round(Number(raw) * 1000) / 1000;
  if (!(value > 0 && value <= MAX_RATE)) return { ok: false, reason: `${label}rate ${raw} is out of 0–${MAX_RATE}` };
  return { ok: true, value };
}

function parsePoints(raw: string | undefined, label: string): Value<number | null> {
  if (isBlank(raw)) return { ok: true, value: null };
  if (!NUMBER.test(raw!)) return { ok: false, reason: `${label}points "${raw}" is not a number` };
  const value = Math.round(Number(raw) * 100) / 100;
  if (value > MAX_POINTS) return { ok: false, reason: `${label}points ${raw} is out of 0–${MAX_POINTS}` };
  return { ok: true, value };
}

type LineParser = (cells: string[], line: number) => { rows: Omit<ParsedRate, "line">[]; skipped: number } | { reason: string };

function freddieParser(header: string[]): LineParser {
  // A column we don't know (Freddie Mac adds one, say a new product) is left alone: refusing the
  // file would stop every daily fetch until the code changed. Without any series we know,
  // though, it isn't the file we think it is.
  const col = (name: string) => header.indexOf(name);
  const series = FREDDIE_SERIES.map((s) => ({ type: s.type, rate: col(s.prefix), points: col(`${s.prefix}p`) })).filter((s) => s.rate > 0);
  if (series.length === 0) {
    throw new RatesFormatError(`No rate column Freddie Mac's PMMS file is known for (${[...FREDDIE_COLUMNS].filter((c) => !c.endsWith("p")).join(", ")}) in its header`);
  }
  return (cells) => {
    if (cells.length > header.length) return { reason: `expected ${header.length} columns, found ${cells.length}` };
    const date = parseRateDate(cells[0]!);
    if (!date) return { reason: `bad date "${cells[0]}" (expected M/D/YYYY or yyyy-mm-dd)` };
    const rows: Omit<ParsedRate, "line">[] = [];
    const problems: string[] = [];
    let skipped = 0;
    for (const s of series) {
      const raw = cells[s.rate];
      if (isBlank(raw)) {
        skipped++;
        continue;
      }
      const label = `${s.type} `;
      const rate = parseRate(raw!, label);
      const points = s.points > 0 ? parsePoints(cells[s.points], label) : ({ ok: true, value: null } as const);
      if (!rate.ok) problems.push(rate.reason);
      else if (!points.ok) problems.push(points.reason);
      else rows.push({ date, rateType: s.type, rate: rate.value, points: points.value });
    }
    return problems.length ? { reason: problems.join("; ") } : { rows, skipped };
  };
}

function fredParser(header: string[]): LineParser {
  const series = header.slice(1).map((name) => {
    const type = FRED_SERIES[name.toUpperCase()];
    if (!type) throw new RatesFormatError(`Unknown FRED series "${name}" (expected ${Object.keys(FRED_SERIES).join(", ")})`);
    return type;
  });
  return (cells) => {
    if (cells.length > header.length) return { reason: `expected ${header.length} columns, found ${cells.length}` };
    const date = parseRateDate(cells[0]!);
    if (!date) return { reason: `bad date "${cells[0]}" (expected yyyy-mm-dd)` };
    const rows: Omit<ParsedRate, "line">[] = [];
    const problems: string[] = [];
    let skipped = 0;
    series.forEach((type, i) => {
      const raw = cells[i + 1];
      if (isBlank(raw)) {
        skipped++;
        return;
      }
      const rate = parseRate(raw!, series.length > 1 ? `${type} ` : "");
      if (rate.ok) rows.push({ date, rateType: type, rate: rate.value, points: undefined });
      else problems.push(rate.reason);
    });
    return problems.length ? { reason: problems.join("; ") } : { rows, skipped };
  };
}

function ourParser(header: string[]): LineParser {
  const hasPoints = header.length === 4;
  return (cells) => {
    if (cells.length < 3 || cells.length > header.length) return { reason: `expected ${header.length} columns, found ${cells.length}` };
    const [rawDate, rawType, rawRate, rawPoints] = cells as [string, string, string, string | undefined];
    const date = parseRateDate(rawDate);
    if (!date) return { reason: `bad date "${rawDate}" (expected yyyy-mm-dd)` };
    if (!isRateType(rawType)) return { reason: `unknown rate type "${rawType}" (expected one of ${PMMS_RATE_TYPES.join(", ")})` };
    // Our other enum values (FHA, VA, other ARMs) have no survey behind them: a row for one would
    // show on /rates under "Source: Freddie Mac PMMS" (data-model.md: never invent values).
    if (!(PMMS_RATE_TYPES as readonly string[]).includes(rawType)) {
      return { reason: `"${rawType}" is not in Freddie Mac's survey (expected one of ${PMMS_RATE_TYPES.join(", ")})` };
    }
    if (isBlank(rawRate)) return { rows: [], skipped: 1 };
    const rate = parseRate(rawRate, "");
    if (!rate.ok) return { reason: rate.reason };
    const points = hasPoints ? parsePoints(rawPoints, "") : ({ ok: true, value: undefined } as const);
    if (!points.ok) return { reason: points.reason };
    return { rows: [{ date, rateType: rawType, rate: rate.value, points: points.value }], skipped: 0 };
  };
}

/** Which layout a header line is, with the parser for its data lines. */
export function detectLayout(headerLine: string): { layout: RateLayout; parser: LineParser } {
  const header = splitCsvLine(headerLine.replace(/^\uFEFF/, ""));
  const first = header[0]?.toLowerCase();
  const names = header.map((h) => h.toLowerCase());
  if (first === "date" && names[1]?.startsWith("pmms")) return { layout: "freddie_mac_pmms", parser: freddieParser(names) };
  if ((first === "observation_date" || first === "date") && header[1] && /^MORTGAGE/i.test(header[1])) {
    return { layout: "fred", parser: fredParser(header) };
  }
  if (names.join(",") === "date,rate_type,rate,points" || names.join(",") === "date,rate_type,rate") {
    return { layout: "refi_alert", parser: ourParser(names) };
  }
  const shown = headerLine.length > 80 ? `${headerLine.slice(0, 80)}…` : headerLine;
  throw new RatesFormatError(
    `Unrecognised header "${shown.trim()}": expected Freddie Mac's PMMS_history.csv (date,pmms30,…), a FRED series (observation_date,MORTGAGE30US) or date,rate_type,rate,points`,
  );
}

/** Parses a whole file. Good rows and rejected lines (1-based, the header is line 1) come back together. */
export function parseRatesText(text: string): ParseResult {
  // A picture or spreadsheet renamed .csv has NUL bytes (which PostgreSQL text cannot hold either,
  // so not even the rejected lines could be recorded). Say so instead of rejecting every line.
  if (text.includes("\u0000")) {
    throw new RatesFormatError("This is not a text CSV file (it holds binary data): export the rates as CSV and upload that");
  }
  const lines = text.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) throw new RatesFormatError("The file is empty");
  const { layout, parser } = detectLayout(lines[headerIndex]!);
  const rows: ParsedRate[] = [];
  const rejections: Rejection[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === "") continue;
    const line = i + 1;
    const result = parser(splitCsvLine(text), line);
    if ("reason" in result) {
      rejections.push({ line, reason: result.reason });
      continue;
    }
    const duplicate = result.rows.map((r) => seen.get(`${r.date}|${r.rateType}`)).find((l) => l !== undefined);
    if (duplicate !== undefined) {
      rejections.push({ line, reason: `duplicate of line ${duplicate} (same date and rate type)` });
      continue;
    }
    for (const r of result.rows) {
      seen.set(`${r.date}|${r.rateType}`, line);
      rows.push({ ...r, line });
    }
    skipped += result.skipped;
  }
  return { layout, rows, rejections, skipped };
}
