// npm run rates:import -- <file-or-url> [--partial]
// Imports Freddie Mac's PMMS_history.csv, a FRED series CSV (MORTGAGE30US, MORTGAGE15US, MORTGAGE5US)
// or our date,rate_type,rate,points layout. A file with a rejected line writes nothing unless
// --partial is given. Every run is recorded in rate_ingest_runs.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fetchAndImportRates, RatesFetchError } from "@/lib/rates/fetch";
import { importRatesFromText, type IngestResult } from "@/lib/rates/import";
import { openCliDb, runCli } from "./cli-db";

const USAGE = "usage: npm run rates:import -- <file-or-url> [--partial]";

function formatReport(r: IngestResult): string[] {
  const lines = [
    `layout: ${r.layout ?? "unknown"}`,
    `inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}`,
  ];
  if (r.skipped) lines.push(`${r.skipped} empty values skipped (no value published)`);
  if (r.recomputed) lines.push(`${r.recomputed} following weeks had their change from the week before recomputed`);
  if (r.rejections.length) {
    lines.push("rejected lines:");
    for (const x of r.rejections.slice(0, 50)) lines.push(`  line ${x.line}: ${x.reason}`);
    if (r.rejections.length > 50) lines.push(`  … and ${r.rejections.length - 50} more (all in rate_ingest_runs)`);
  }
  if (r.newLatest.length) lines.push(`new latest week for: ${r.newLatest.join(", ")}`);
  if (r.error) lines.push(`error: ${r.error}${r.rejections.length && !r.committed ? " (--partial imports only the good rows)" : ""}`);
  else lines.push(r.committed ? "done: written in one transaction" : "nothing written");
  return lines;
}

runCli(async () => {
  const args = process.argv.slice(2);
  const partial = args.includes("--partial");
  const targets = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--partial");
  if (targets.length !== 1 || unknown.length) {
    console.error(USAGE);
    return 2;
  }
  const target = targets[0]!;
  const isUrl = /^https?:\/\//i.test(target);
  const text = isUrl ? null : await readFile(target, "utf8");
  const { handle, label } = openCliDb();
  try {
    console.log(`importing ${target} into ${label}${partial ? " (--partial)" : ""}`);
    let result: IngestResult;
    try {
      result = text === null
        ? await fetchAndImportRates({ url: target, partial, db: handle.db })
        : await importRatesFromText(text, { source: path.basename(target), partial, db: handle.db });
    } catch (err) {
      if (!(err instanceof RatesFetchError)) throw err;
      result = err.result;
    }
    for (const line of formatReport(result)) console.log(line);
    return result.error ? 1 : 0;
  } finally {
    await handle.close();
  }
});
