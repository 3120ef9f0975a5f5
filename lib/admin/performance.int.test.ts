import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { failedEmails } from "./emails";
import { searchUsers } from "./users";

// The benchmark's sizes for users (10,000); the email log at a fifth of its 1,000,000 rows (the
// plan's shape, not its size, decides the cost: the partial index keeps the failed view small).
beforeAll(async () => {
  await db.execute(sql`INSERT INTO users (email, name, password_hash, email_verified, created_at)
    SELECT 'perf' || g || '@example.com', 'Perf Person ' || g, 'x', g % 3 <> 0, now() - make_interval(mins => g) FROM generate_series(1, 10000) g`);
  await db.execute(sql`INSERT INTO email_log (recipient_email, email_type, subject, template, status, created_at)
    SELECT 'perf' || (g % 10000) || '@example.com', (ARRAY['welcome','alert_notification','email_verification','weekly_digest']::email_type[])[1 + g % 4],
           'Subject', 'tpl', (CASE WHEN g % 50 = 0 THEN 'failed' WHEN g % 77 = 0 THEN 'bounced' ELSE 'sent' END)::email_status,
           now() - make_interval(secs => g * 30)
    FROM generate_series(1, 200000) g`);
  await db.execute(sql`ANALYZE users`);
  await db.execute(sql`ANALYZE email_log`);
}, 120_000);

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm the connection and the plan
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

describe("admin list queries stay fast", () => {
  it("user search (substring, exact email, filters, second page) answers in under 100 ms on 10,000 users", async () => {
    const first = await searchUsers({ filters: ["unverified"] });
    expect(first.rows).toHaveLength(25);
    expect(await medianMs(() => searchUsers({ q: "person 99" }))).toBeLessThan(100);
    expect(await medianMs(() => searchUsers({ q: "perf5000@example.com" }))).toBeLessThan(100);
    expect(await medianMs(() => searchUsers({ filters: ["verified", "paying"] }))).toBeLessThan(100);
    expect(await medianMs(() => searchUsers({ filters: ["unverified"], cursor: first.nextCursor }))).toBeLessThan(100);
  });

  it("the failed-email view (first page, next page, by type) answers in under 100 ms", async () => {
    const first = await failedEmails({});
    expect(first.rows).toHaveLength(50);
    expect(first.rows.every((r) => r.status === "failed" || r.status === "bounced")).toBe(true);
    expect(await medianMs(() => failedEmails({}))).toBeLessThan(100);
    expect(await medianMs(() => failedEmails({ cursor: first.nextCursor }))).toBeLessThan(100);
    expect(await medianMs(() => failedEmails({ type: "alert_notification" }))).toBeLessThan(100);
  });
});
