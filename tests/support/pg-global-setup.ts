// Integration tests: once per run, build a migrated template database on the throw-away
// PostgreSQL that scripts/test.sh started (TEST_PG_ADMIN_URL). Each test file then gets its own
// copy (tests/support/pg-per-file.ts), so files never see each other's rows.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

export function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url) throw new Error("TEST_PG_ADMIN_URL is not set: run integration tests through `npm test` (it starts PostgreSQL)");
  return url;
}

export function databaseUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

// A template per run (several runs may share one server while developing).
export default async function setup(project: TestProject) {
  const template = `tpl_${randomBytes(5).toString("hex")}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${template}`);
  const handle = openDb({ url: databaseUrl(template) }, { max: 1 });
  await runMigrations(handle.db);
  await handle.close();
  project.provide("templateDb", template);
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
