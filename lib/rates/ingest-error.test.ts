import { describe, expect, it } from "vitest";
import { describeIngestError } from "./ingest-error";

const FREDDIE = "https://www.freddiemac.com/pmms/docs/PMMS_history.csv";
// As ./fetch.ts writes them (describeFetchError and fetchRatesText).
const failed = (cause: string, url = FREDDIE) => `Could not fetch ${url}: ${cause} (offline, or the server is down?)`;

describe("describeIngestError", () => {
  it("a DNS failure names the publisher and the host, and keeps the recorded text whole", () => {
    const error = failed("getaddrinfo ENOTFOUND www.freddiemac.com");
    expect(describeIngestError(error, FREDDIE)).toEqual({
      kind: "dns",
      summary: "Couldn't reach Freddie Mac (DNS lookup failed for www.freddiemac.com)",
      detail: error,
    });
    expect(describeIngestError(failed("getaddrinfo EAI_AGAIN www.freddiemac.com")).summary).toBe("Couldn't reach Freddie Mac (DNS lookup failed for www.freddiemac.com)");
  });

  it("connection failures say what happened to the connection", () => {
    const local = "http://127.0.0.1:9/";
    expect(describeIngestError(failed("connect ECONNREFUSED 127.0.0.1:9", local))).toMatchObject({ kind: "refused", summary: "Couldn't reach 127.0.0.1 (127.0.0.1 refused the connection)" });
    expect(describeIngestError(failed("connect ENETUNREACH 2600::1:443"))).toMatchObject({ kind: "unreachable", summary: "Couldn't reach Freddie Mac (no network route to www.freddiemac.com)" });
    expect(describeIngestError(failed("read ECONNRESET"))).toMatchObject({ kind: "dropped", summary: "Couldn't reach Freddie Mac (the connection to www.freddiemac.com was cut off)" });
    expect(describeIngestError(failed("other side closed"))).toMatchObject({ kind: "dropped" });
    expect(describeIngestError(failed("unable to verify the first certificate"))).toMatchObject({ kind: "tls", summary: "Couldn't reach Freddie Mac securely (its certificate was not accepted)" });
    expect(describeIngestError(failed("fetch failed"))).toMatchObject({ kind: "network", summary: "Couldn't reach Freddie Mac (the download failed: offline, or the server is down?)" });
  });

  it("timeouts: ours (no answer within the limit) and the connection's own", () => {
    expect(describeIngestError(`Could not fetch ${FREDDIE}: no answer within 30 s`)).toMatchObject({ kind: "timeout", summary: "Freddie Mac didn't answer within 30 seconds" });
    expect(describeIngestError(failed("Connect Timeout Error (attempted address: www.freddiemac.com:443, timeout: 10000ms)"))).toMatchObject({
      kind: "timeout",
      summary: "Couldn't reach Freddie Mac (the connection timed out)",
    });
  });

  it("an HTTP status is the server's answer, in words, with the status kept", () => {
    const http = (status: string) => describeIngestError(`Could not fetch ${FREDDIE}: HTTP ${status}`);
    expect(http("404 Not Found")).toMatchObject({ kind: "http", summary: "Freddie Mac no longer has the file at that address (HTTP 404 Not Found)" });
    expect(http("403 Forbidden").summary).toBe("Freddie Mac refused the download (HTTP 403 Forbidden)");
    expect(http("429 Too Many Requests").summary).toBe("Freddie Mac asked us to slow down (HTTP 429 Too Many Requests)");
    // "Gateway Timeout" is the server's answer, not a timeout of ours.
    expect(http("504 Gateway Timeout")).toMatchObject({ kind: "http", summary: "Freddie Mac's server had a problem (HTTP 504 Gateway Timeout)" });
    expect(http("418").summary).toBe("Freddie Mac answered with an error (HTTP 418)");
  });

  it("names FRED, and any other host by its address", () => {
    expect(describeIngestError(failed("getaddrinfo ENOTFOUND fred.stlouisfed.org", "https://fred.stlouisfed.org/graph/fredgraph.csv?id=MORTGAGE30US")).summary).toBe(
      "Couldn't reach FRED (DNS lookup failed for fred.stlouisfed.org)",
    );
    expect(describeIngestError(`Could not fetch https://rates.example.org/x.csv: HTTP 500 Internal Server Error`).summary).toBe(
      "rates.example.org's server had a problem (HTTP 500 Internal Server Error)",
    );
  });

  it("a file over the size limit says both sizes, rounded up so it never reads as equal", () => {
    const error = `Could not fetch ${FREDDIE}: the file is 21000000 bytes, more than the 20971520 allowed`;
    expect(describeIngestError(error)).toMatchObject({ kind: "too_large", summary: "The file from Freddie Mac was too large to import (21 MB; the limit is 20 MB)" });
  });

  it("import errors: rejected lines are already words; an unreadable file says which; a database failure says nothing was written", () => {
    const rejected = "2 lines were rejected, so nothing was written. Fix them, or choose to import only the good rows.";
    expect(describeIngestError(rejected, "upload: rates.csv")).toEqual({ kind: "rejected", summary: rejected.slice(0, -1), detail: rejected });
    expect(describeIngestError("The file is empty", "upload: blank.csv")).toMatchObject({ kind: "format", summary: "The uploaded file is empty" });
    expect(describeIngestError('Unrecognised header "a,b": expected …', FREDDIE)).toMatchObject({ kind: "format", summary: "The file from Freddie Mac isn't in a layout we can read" });
    expect(describeIngestError("This is not a text CSV file (it holds binary data): export the rates as CSV and upload that", "rates.xlsx").summary).toBe("The file isn't a text CSV");
    expect(describeIngestError("Import failed: deadlock detected", FREDDIE)).toMatchObject({
      kind: "database",
      summary: "The rates couldn't be saved (a database error), so nothing was written",
    });
  });

  it("an error it does not know still reads as a sentence, with the text as the detail", () => {
    expect(describeIngestError("  something odd  ", FREDDIE)).toEqual({ kind: "unknown", summary: "The import from Freddie Mac failed", detail: "something odd" });
    expect(describeIngestError("something odd", "upload: rates.csv")).toMatchObject({ kind: "unknown", summary: "The import failed" });
    expect(describeIngestError("something odd")).toMatchObject({ kind: "unknown", summary: "The import failed" });
  });
});
