import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import postgres from "postgres";
import { hashPassword } from "@/lib/auth/password";

/** Direct access to the browser tests' database (for fixtures only: journeys use the UI). */
export function e2eSql() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (npm test sets it)");
  return postgres(url, { max: 1, onnotice: () => {} });
}

export type TestUser = { id: string; email: string; password: string; name: string };

/** A fresh account with its preferences row; verified unless asked otherwise. */
export async function createUser(opts: { verified?: boolean; role?: "user" | "admin"; name?: string } = {}): Promise<TestUser> {
  const email = `e2e-${randomBytes(5).toString("hex")}@example.com`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const name = opts.name ?? "Test Homeowner";
  const sql = e2eSql();
  try {
    const hash = await hashPassword(password);
    const verified = opts.verified ?? true;
    const [row] = await sql<{ id: string }[]>`
      INSERT INTO users (email, name, password_hash, email_verified, email_verified_at, role)
      VALUES (${email}, ${name}, ${hash}, ${verified}, ${verified ? new Date() : null}, ${opts.role ?? "user"})
      RETURNING id`;
    await sql`INSERT INTO user_preferences (user_id) VALUES (${row!.id})`;
    return { id: row!.id, email, password, name };
  } finally {
    await sql.end();
  }
}

/**
 * Signs in through the form. Each browser context that signs in this way gets an address of its
 * own (X-Forwarded-For, which `next start` keeps when a client sends it): the journeys are many
 * different homeowners, and the per-address sign-in limit (50 in 15 minutes, lib/auth/limits.ts)
 * would otherwise count the whole suite as one visitor.
 */
export async function signIn(page: Page, email: string, password: string, next = "/dashboard") {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": `198.18.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 254)}` });
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}
