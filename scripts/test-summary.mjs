// Prints the result of `npm test`: each step, then one line "N passed, N failed" counting every
// test case (vitest, Playwright) plus the type-check, lint and build steps. Exit code 1 on failure.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const out = args[0];
const sep = args.indexOf("--");
const names = args.slice(1, sep);
const results = args.slice(sep + 1);

const read = (f) => (existsSync(path.join(out, f)) ? JSON.parse(readFileSync(path.join(out, f), "utf8")) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

function vitest(file) {
  const r = read(file);
  if (!r) return null;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  return `${r.numPassedTests} passed, ${r.numFailedTests} failed`;
}
function playwright(file) {
  const r = read(file);
  if (!r) return null;
  const s = r.stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  skipped += s.skipped ?? 0;
  return `${s.expected ?? 0} passed, ${(s.unexpected ?? 0) + (s.flaky ?? 0)} failed`;
}

const detail = {
  "unit tests": () => vitest("unit.json"),
  "integration tests (PostgreSQL)": () => vitest("integration.json"),
  "browser tests (Playwright, Chromium)": () => playwright("e2e.json"),
  "load and fault tests": () => vitest("faults/faults.json"),
};
console.log("Summary");
let anyFailed = false;
names.forEach((name, i) => {
  const ok = results[i] === "pass";
  if (!ok) anyFailed = true;
  const counts = detail[name]?.();
  if (!detail[name]) {
    if (ok) passed++;
    else failed++;
  }
  console.log(`  ${ok ? "✓" : "✗"} ${name}${counts ? ` (${counts})` : ""}`);
});
if (anyFailed && failed === 0) failed = 1; // a step failed without a failing test case (crash)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(anyFailed ? 1 : 0);
