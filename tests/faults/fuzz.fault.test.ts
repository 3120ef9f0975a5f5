// Fuzz: generated bad input for every zod schema of forms and actions (through validatedAction,
// the wrapper every form action uses, and the calculators' own core) and for every public route
// (over HTTP against `next start`): only field errors or 4xx — never a 500, a throw or an
// unhandled rejection.
import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountSchemas from "@/lib/account/schemas";
import * as adminSchemas from "@/lib/admin/schemas";
import * as alertSchemas from "@/lib/alerts/schemas";
import * as authSchemas from "@/lib/auth/schemas";
import * as billingSchemas from "@/lib/billing/schemas";
import { calculatorTypes } from "@/lib/calc";
import * as calcSchemas from "@/lib/calc/schemas";
import { calculate } from "@/lib/history/calculate";
import * as historySchemas from "@/lib/history/schemas";
import * as mortgageSchemas from "@/lib/mortgages/schemas";
import * as rateSchemas from "@/lib/rates/schemas";
import { validatedAction } from "@/lib/validated-action";
import { startAppServer, type AppServer } from "./support/server";

const PORT = Number(process.env.FAULTS_FUZZ_PORT ?? 3312);
const RUNS = Number(process.env.FAULTS_FUZZ_RUNS ?? 200);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on("unhandledRejection", onUnhandled);

// Every exported zod object schema of the forms, actions and routes.
const isSchema = (v: unknown): v is z.ZodType => Boolean(v && typeof v === "object" && "safeParse" in v && typeof (v as z.ZodType).safeParse === "function");
const schemas = Object.entries({
  ...prefixed("account", accountSchemas),
  ...prefixed("admin", adminSchemas),
  ...prefixed("alerts", alertSchemas),
  ...prefixed("auth", authSchemas),
  ...prefixed("billing", billingSchemas),
  ...prefixed("calc", calcSchemas),
  ...prefixed("history", historySchemas),
  ...prefixed("mortgages", mortgageSchemas),
  ...prefixed("rates", rateSchemas),
}).filter((entry): entry is [string, z.ZodType] => isSchema(entry[1]));

function prefixed(prefix: string, mod: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(mod).map(([k, v]) => [`${prefix}.${k}`, v]));
}

// Nasty strings: empty, whitespace, huge, unicode, numbers in odd forms, injection-looking text.
const nasty = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "NaN", "Infinity", "-0", "1e309", "-1", "0x10", "1,000,000", "$5", "5%", "9".repeat(400), "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "🏠", "\u202e", "true", "null", "undefined", "[object Object]", "00000000-0000-0000-0000-000000000000"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.string({ minLength: 1000, maxLength: 5000 }),
);

function fieldNames(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown>; _zod?: { def?: { shape?: Record<string, unknown>; left?: z.ZodType; right?: z.ZodType; in?: z.ZodType; schema?: z.ZodType } } });
  if (shape.shape) return Object.keys(shape.shape);
  const def = shape._zod?.def;
  if (def?.shape) return Object.keys(def.shape);
  const inner = [def?.left, def?.right, def?.in, def?.schema].filter(Boolean) as z.ZodType[];
  return [...new Set(inner.flatMap(fieldNames))];
}

/** A form with the schema's own field names (some missing, some repeated) plus stray ones. */
function formArb(fields: string[]) {
  const known = fields.length ? fc.constantFrom(...fields) : fc.constant("x");
  return fc.array(fc.tuple(fc.oneof(known, known, fc.string({ maxLength: 12 })), nasty), { maxLength: fields.length + 4 });
}

afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

describe("fuzzed form and action input", () => {
  it("covers the schemas", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(25);
  });

  it.each(schemas.map(([name, schema]) => [name, schema] as const))("%s: bad input gives field errors, runs nothing, never throws", async (_name, schema) => {
    const fields = fieldNames(schema);
    let ran = 0;
    const action = validatedAction(schema, async () => {
      ran++;
      return { ok: true };
    });
    await fc.assert(
      fc.asyncProperty(formArb(fields), async (entries) => {
        const form = new FormData();
        for (const [k, v] of entries) form.append(k, v);
        const accepted = schema.safeParse(Object.fromEntries(form)).success; // never throws
        const before = ran;
        const state = await action({}, form);
        if (accepted) {
          expect(ran).toBe(before + 1);
        } else {
          expect(ran).toBe(before);
          expect(state.ok).toBe(false);
          const keys = Object.keys(state.errors ?? {});
          expect(keys.length).toBeGreaterThan(0);
          for (const k of keys) expect([...fields, "form", ...entries.map((e) => e[0])]).toContain(k);
          // Nothing secret comes back.
          for (const k of Object.keys(state.values ?? {})) expect(k).not.toMatch(/password|token/i);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it.each(calculatorTypes.map((t) => [t] as const))("calculator %s: bad input gives field errors, never throws", (type) => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom("principal", "ratePercent", "termYears", "currentBalance", "currentRatePercent", "remainingYears", "newRatePercent", "newTermYears", "closingCosts", "extraMonthlyPrincipal", "monthlyPayment"), fc.string({ maxLength: 10 })), nasty, { maxKeys: 8 }), (raw) => {
        const result = calculate(type, raw);
        if (!result.ok) expect(Object.keys(result.errors).length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("fuzzed route input (HTTP, next start)", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer(PORT, { STRIPE_WEBHOOK_SECRET: "whsec_faults_fuzz" });
  });
  afterAll(async () => {
    await server?.stop();
    if (server) writeFileSync(path.resolve(process.env.FAULTS_OUT ?? ".test-tmp", "fuzz-server.log"), server.log());
  });

  const statuses: Record<string, Record<number, number>> = {};
  async function call(route: string, init: RequestInit & { path: string }): Promise<number> {
    const res = await fetch(`${server.url}${init.path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(20_000) });
    await res.arrayBuffer();
    (statuses[route] ??= {})[res.status] = (statuses[route]![res.status] ?? 0) + 1;
    return res.status;
  }
  const query = fc.dictionary(fc.oneof(fc.constantFrom("type", "range", "from", "to", "token", "principal", "ratePercent", "termYears", "extraMonthlyPrincipal", "u", "sig", "next"), fc.string({ maxLength: 8 })), nasty, { maxKeys: 6 });
  const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

  const routes: [string, fc.Arbitrary<RequestInit & { path: string }>][] = [
    [
      "POST /api/calculations",
      fc.oneof(
        fc.record({ type: fc.oneof(fc.constantFrom(...calculatorTypes), nasty), values: fc.dictionary(fc.constantFrom("principal", "ratePercent", "termYears", "extraMonthlyPrincipal", "currentBalance", "newRatePercent"), fc.oneof(nasty, fc.double() as fc.Arbitrary<unknown>, fc.constant(null) as fc.Arbitrary<unknown>)), mortgageId: fc.option(nasty) }).map((b) => JSON.stringify(b)),
        nasty,
        fc.json(),
      ).map((body) => ({ path: "/api/calculations", method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" }, body })),
    ],
    ["GET /api/rates", query.map((q) => ({ path: `/api/rates?${qs(q)}`, method: "GET" }))],
    ["GET /api/rates/latest", query.map((q) => ({ path: `/api/rates/latest?${qs(q)}`, method: "GET" }))],
    ["GET /api/calculators/amortization.csv", query.map((q) => ({ path: `/api/calculators/amortization.csv?${qs(q)}`, method: "GET" }))],
    ["POST /api/unsubscribe", query.map((q) => ({ path: `/api/unsubscribe?${qs(q)}`, method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }))],
    ["GET /api/email/open/[id]", fc.tuple(nasty, query).map(([id, q]) => ({ path: `/api/email/open/${encodeURIComponent(id.slice(0, 200)) || "x"}?${qs(q)}`, method: "GET" }))],
    ["GET /api/email/click/[id]", fc.tuple(nasty, query).map(([id, q]) => ({ path: `/api/email/click/${encodeURIComponent(id.slice(0, 200)) || "x"}?${qs(q)}`, method: "GET" }))],
    [
      "POST /api/stripe/webhook",
      fc.tuple(fc.oneof(nasty, fc.json()), fc.option(nasty)).map(([body, sig]) => ({ path: "/api/stripe/webhook", method: "POST", body, headers: sig == null ? {} : { "stripe-signature": sig.replace(/[^\x20-\x7e]/g, "").slice(0, 500) } })),
    ],
    ["GET /api/account/export (signed out)", query.map((q) => ({ path: `/api/account/export?${qs(q)}`, method: "GET" }))],
  ];

  it.each(routes)("%s: bad input answers 2xx/3xx/4xx, never 5xx", async (route, arb) => {
    await fc.assert(
      fc.asyncProperty(arb, async (init) => {
        const status = await call(route, init);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: Math.min(RUNS, 150) },
    );
    console.log(`[fuzz] ${route}: ${JSON.stringify(statuses[route])}`);
  });

  it("left no unhandled rejection behind", () => {
    expect(unhandled).toEqual([]);
  });
});
