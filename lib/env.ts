import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the app reads, parsed once. A bad value stops the process with a
 * message naming the variable. Documented in .env.example.
 */
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
const optionalUrl = optionalString.pipe(z.url({ message: "must be a URL" }).optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.url({ message: "must be the public URL of the app, e.g. http://localhost:3000" }).default("http://localhost:3000"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded database)")
      .optional(),
  ),
  PGLITE_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  LOAN_NUMBER_KEY: optionalString.pipe(
    z.string().regex(/^[0-9a-f]{64}$/i, "must be 64 hex characters (32 bytes)").optional(),
  ),
  SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional()),
  EMAIL_FROM: z.string().default("Refi Alert <alerts@refialert.test>"),
  STRIPE_SECRET_KEY: optionalString.pipe(z.string().startsWith("sk_", "must start with sk_").optional()),
  STRIPE_WEBHOOK_SECRET: optionalString.pipe(z.string().startsWith("whsec_", "must start with whsec_").optional()),
  STRIPE_API_URL: optionalUrl,
  STRIPE_STANDIN_PORT: z.coerce.number().int().min(1).max(65535).default(12111),
  RATES_SOURCE_URL: z.url().default("https://www.freddiemac.com/pmms/docs/PMMS_history.csv"),
  // How many proxies in front of the app append to X-Forwarded-For (a load balancer: 1; a CDN in
  // front of one: 2). The client's address is that many entries from the right.
  TRUSTED_PROXY_HOPS: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1, "must be 1 or more").max(10).default(1)),
  WORKER_IN_PROCESS: bool,
  DEMO_SEED: bool,
});

export type Env = z.infer<typeof schema> & {
  AUTH_SECRET: string;
  LOAN_NUMBER_KEY: string;
  PGLITE_DIR: string;
  isProduction: boolean;
};

/** Reads or creates a secret kept in the local data folder (development and test only). */
function localSecret(dataDir: string, file: string, make: () => string): string {
  const p = path.resolve(dataDir, file);
  if (existsSync(p)) return readFileSync(p, "utf8").trim();
  mkdirSync(path.dirname(p), { recursive: true });
  const value = make();
  writeFileSync(p, value + "\n", { mode: 0o600 });
  return value;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const e = result.data;
  const isProduction = e.NODE_ENV === "production";
  const need = (name: "AUTH_SECRET" | "LOAN_NUMBER_KEY", value: string | undefined, make: () => string) => {
    if (value) return value;
    if (isProduction) throw new Error(`Invalid environment variables:\n  ${name}: required in production\nSee .env.example.`);
    return localSecret(e.DATA_DIR, name.toLowerCase().replace(/_/g, "-"), make);
  };
  // `next build` prerenders public pages from the database and needs no secret: a missing one is
  // an error only if something reads it during the build (never written into a page).
  if (source.NEXT_PHASE === "phase-production-build") {
    const parsed = { ...e, PGLITE_DIR: e.PGLITE_DIR ?? path.join(e.DATA_DIR, "pglite"), isProduction } as Env;
    for (const name of ["AUTH_SECRET", "LOAN_NUMBER_KEY"] as const) {
      if (e[name]) continue;
      Object.defineProperty(parsed, name, {
        enumerable: true,
        get: () => {
          throw new Error(`Invalid environment variables:\n  ${name}: required (read during the build)\nSee .env.example.`);
        },
      });
    }
    return parsed;
  }
  return {
    ...e,
    AUTH_SECRET: need("AUTH_SECRET", e.AUTH_SECRET, () => randomBytes(32).toString("base64url")),
    LOAN_NUMBER_KEY: need("LOAN_NUMBER_KEY", e.LOAN_NUMBER_KEY, () => randomBytes(32).toString("hex")),
    PGLITE_DIR: e.PGLITE_DIR ?? path.join(e.DATA_DIR, "pglite"),
    isProduction,
  };
}

let cached: Env | undefined;
/** The parsed environment (parsed on first use, then cached). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
