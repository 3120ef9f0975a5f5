// Runs before each integration test file: a fresh database copied from the migrated template,
// exposed as DATABASE_URL so the app's own `db` module uses it. Dropped after the file.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";
import { adminUrl, databaseUrl } from "./pg-global-setup";

const name = `t_${randomBytes(6).toString("hex")}`;
const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDb")}`);
process.env.DATABASE_URL = databaseUrl(name);
process.env.TEST_DATABASE_NAME = name;

afterAll(async () => {
  await closeDb();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});
