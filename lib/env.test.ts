import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "refi-env-"));

describe("parseEnv", () => {
  it("refuses to run in production without the secrets", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATA_DIR: dataDir() })).toThrow(/AUTH_SECRET: required in production/);
  });

  it("lets `next build` prerender without secrets, failing only where one is read", () => {
    const e = parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build", DATA_DIR: dataDir(), DATABASE_URL: "postgres://u@h/db" });
    expect(e.DATABASE_URL).toBe("postgres://u@h/db");
    expect(() => e.AUTH_SECRET).toThrow(/AUTH_SECRET: required \(read during the build\)/);
    expect(() => e.LOAN_NUMBER_KEY).toThrow(/LOAN_NUMBER_KEY/);
  });

  it("keeps given secrets during the build", () => {
    const secret = "s".repeat(40);
    const e = parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build", DATA_DIR: dataDir(), AUTH_SECRET: secret });
    expect(e.AUTH_SECRET).toBe(secret);
  });

  it("makes and keeps local secrets outside production", () => {
    const dir = dataDir();
    const first = parseEnv({ NODE_ENV: "development", DATA_DIR: dir });
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(parseEnv({ NODE_ENV: "development", DATA_DIR: dir }).AUTH_SECRET).toBe(first.AUTH_SECRET);
  });

  it("trusts one proxy hop unless told otherwise, and refuses a count that is not one", () => {
    const dir = dataDir();
    expect(parseEnv({ DATA_DIR: dir }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(parseEnv({ DATA_DIR: dir, TRUSTED_PROXY_HOPS: "" }).TRUSTED_PROXY_HOPS).toBe(1);
    expect(parseEnv({ DATA_DIR: dir, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ DATA_DIR: dir, TRUSTED_PROXY_HOPS: "0" })).toThrow(/TRUSTED_PROXY_HOPS: must be 1 or more/);
    expect(() => parseEnv({ DATA_DIR: dir, TRUSTED_PROXY_HOPS: "two" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
