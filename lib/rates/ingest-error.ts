/**
 * A failed rate import in words an admin can act on. rate_ingest_runs.error keeps the technical
 * text (written by ./fetch.ts and ./import.ts, and by older versions of them, so it is read as
 * text rather than as a stored code); the admin pages lead with `summary` and keep `detail` one
 * click away. Plain TypeScript: no framework, no database, unit-tested beside it.
 */

export type IngestErrorKind =
  | "dns"
  | "refused"
  | "unreachable"
  | "dropped"
  | "timeout"
  | "tls"
  | "http"
  | "too_large"
  | "network"
  | "format"
  | "rejected"
  | "database"
  | "unknown";

export type IngestErrorWords = {
  kind: IngestErrorKind;
  /** One sentence, no trailing full stop (the page adds its own punctuation). */
  summary: string;
  /** The error as recorded, whole. */
  detail: string;
};

/** Publishers we fetch from, by host; any other host is named by its address. */
const PUBLISHERS: [RegExp, string][] = [
  [/(^|\.)freddiemac\.com$/i, "Freddie Mac"],
  [/(^|\.)stlouisfed\.org$/i, "FRED"],
];

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

function publisherOf(host: string | null): string {
  if (!host) return "the rate source";
  return PUBLISHERS.find(([re]) => re.test(host))?.[1] ?? host;
}

const HTTP_WORDS: [(status: number) => boolean, (who: string) => string][] = [
  [(s) => s === 404 || s === 410, (who) => `${who} no longer has the file at that address`],
  [(s) => s === 401 || s === 403, (who) => `${who} refused the download`],
  [(s) => s === 429, (who) => `${who} asked us to slow down`],
  [(s) => s >= 500, (who) => `${who}'s server had a problem`],
];

/** What went wrong while downloading (the part after "Could not fetch <url>: "). */
function fetchWords(reason: string, url: string): Omit<IngestErrorWords, "detail"> {
  const urlHost = hostOf(url);
  const who = publisherOf(urlHost);
  const reach = `Couldn't reach ${who}`;
  const at = urlHost ?? "the server";

  // The server answered: its status says it all ("504 Gateway Timeout" is not our timeout).
  const http = /^HTTP (\d{3})\b\s*(.*)$/.exec(reason);
  if (http) {
    const status = Number(http[1]);
    const shown = `HTTP ${status}${http[2] ? ` ${http[2].trim()}` : ""}`;
    const words = HTTP_WORDS.find(([match]) => match(status))?.[1](who) ?? `${who} answered with an error`;
    return { kind: "http", summary: `${words} (${shown})` };
  }
  const size = /the file is (\d+) bytes, more than the (\d+) allowed/.exec(reason);
  if (size) {
    // Rounded up: a file just over the limit must not read as "20 MB; the limit is 20 MB".
    const mb = (bytes: string) => `${Math.ceil(Number(bytes) / 1024 / 1024)} MB`;
    return { kind: "too_large", summary: `The file from ${who} was too large to import (${mb(size[1]!)}; the limit is ${mb(size[2]!)})` };
  }
  const dns = /\b(ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(reason);
  if (dns) return { kind: "dns", summary: `${reach} (DNS lookup failed for ${dns[2]})` };
  if (/\bECONNREFUSED\b/.test(reason)) return { kind: "refused", summary: `${reach} (${at} refused the connection)` };
  if (/\b(ENETUNREACH|EHOSTUNREACH|ENETDOWN)\b/.test(reason)) return { kind: "unreachable", summary: `${reach} (no network route to ${at})` };
  const waited = /no answer within (\d+) s/.exec(reason);
  if (waited) return { kind: "timeout", summary: `${who} didn't answer within ${waited[1]} seconds` };
  if (/\bETIMEDOUT\b|Connect Timeout|UND_ERR_CONNECT_TIMEOUT|timed? ?out/i.test(reason)) return { kind: "timeout", summary: `${reach} (the connection timed out)` };
  if (/certificate|\bCERT_|\bSSL\b|\bTLS\b|self[- ]signed|altnames/i.test(reason)) {
    return { kind: "tls", summary: `${reach} securely (its certificate was not accepted)` };
  }
  if (/\b(ECONNRESET|EPIPE)\b|other side closed|socket hang up|terminated/i.test(reason)) {
    return { kind: "dropped", summary: `${reach} (the connection to ${at} was cut off)` };
  }
  return { kind: "network", summary: `${reach} (the download failed: offline, or the server is down?)` };
}

/** Messages the importer writes for a file it could not read (./parse.ts, RatesFormatError). */
const FORMAT = /^(Unrecognised header|Unknown column|Unknown FRED series|This is not a text CSV|The file is empty)/;

/**
 * The words for one run's error. `source` is the run's source (a URL, "upload: name.csv", a file
 * name); it names the publisher when the error itself carries no address.
 */
export function describeIngestError(error: string, source?: string | null): IngestErrorWords {
  const detail = error.trim();
  const fetched = /^Could not fetch (\S+): ([\s\S]*)$/.exec(detail);
  if (fetched) return { ...fetchWords(fetched[2]!, fetched[1]!), detail };
  if (/^\d+ lines? (was|were) rejected/.test(detail)) {
    // Written for people already (./import.ts); the lines themselves are listed with the run.
    return { kind: "rejected", summary: detail.replace(/\.$/, ""), detail };
  }
  if (FORMAT.test(detail)) {
    const host = hostOf(source ?? undefined);
    const what = source?.startsWith("upload: ") ? "The uploaded file" : host ? `The file from ${publisherOf(host)}` : "The file";
    const why = /^The file is empty/.test(detail) ? "is empty" : /^This is not a text CSV/.test(detail) ? "isn't a text CSV" : "isn't in a layout we can read";
    return { kind: "format", summary: `${what} ${why}`, detail };
  }
  if (/^Import failed: /.test(detail)) {
    return { kind: "database", summary: "The rates couldn't be saved (a database error), so nothing was written", detail };
  }
  const who = publisherOf(hostOf(source ?? undefined));
  return { kind: "unknown", summary: hostOf(source ?? undefined) ? `The import from ${who} failed` : "The import failed", detail };
}
