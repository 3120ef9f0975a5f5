import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { failedEmails, failedEmailsQuery } from "./emails";
import { searchUsers, searchUsersQuery } from "./users";

// The benchmark's sizes for users (10,000); the email log at a fifth of its 1,000,000 rows (the
// plan's shape, not its size, decides the cost).
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

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

/**
 * How PostgreSQL runs the statement (EXPLAIN ANALYZE): every plan node, and the pages it touched.
 * Speed itself is measured by `npm run bench` on the full data set; these tests pin down the plan
 * that makes it fast, so a change that loses an index fails here, on any machine.
 */
async function explain(query: SQL): Promise<{ nodes: PlanNode[]; pages: number }> {
  const [row] = await queryRows<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(db, sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query}`);
  const top = row!["QUERY PLAN"][0].Plan;
  const all = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(all)];
  return { nodes: all(top), pages: (top["Shared Hit Blocks"] ?? 0) + (top["Shared Read Blocks"] ?? 0) };
}

async function tablePages(table: string): Promise<number> {
  const [row] = await queryRows<{ pages: number }>(db, sql`SELECT relpages AS pages FROM pg_class WHERE relname = ${table}`);
  return Number(row!.pages);
}

const scansOf = (nodes: PlanNode[], table: string) => nodes.filter((n) => n["Relation Name"] === table);

describe("admin list queries read a page's worth of rows, not the table", () => {
  it("user search: an exact address is an index lookup; filtered pages walk idx_users_created", async () => {
    const first = await searchUsers({ filters: ["unverified"] });
    expect(first.rows).toHaveLength(25);
    expect(first.rows.every((r) => !r.emailVerified)).toBe(true);
    const userPages = await tablePages("users");

    const exact = await explain(searchUsersQuery({ q: "perf5000@example.com" }).query);
    expect(scansOf(exact.nodes, "users").map((n) => n["Index Name"])).toEqual(["idx_users_email"]);
    expect((await searchUsers({ q: "perf5000@example.com" })).rows.map((r) => r.name)).toEqual(["Perf Person 5000"]);

    for (const params of [{ filters: ["unverified" as const] }, { filters: ["unverified" as const], cursor: first.nextCursor }]) {
      const plan = await explain(searchUsersQuery(params).query);
      expect(scansOf(plan.nodes, "users").map((n) => n["Index Name"])).toEqual(["idx_users_created"]);
      expect(plan.nodes.some((n) => n["Node Type"] === "Sort")).toBe(false);
      expect(plan.pages).toBeLessThan(userPages / 2);
    }
    // Substring search over names and addresses finds what it should (the scan may be sequential:
    // 10,000 short rows; the benchmark measures it).
    const found = await searchUsers({ q: "person 999" });
    expect(found.rows.map((r) => r.name).sort()).toEqual(["Perf Person 999", "Perf Person 9990", "Perf Person 9991", "Perf Person 9992", "Perf Person 9993", "Perf Person 9994", "Perf Person 9995", "Perf Person 9996", "Perf Person 9997", "Perf Person 9998", "Perf Person 9999"]);
  });

  it("the failed-email view (first page, next page, by type) reads only failed rows, through an index", async () => {
    const first = await failedEmails({});
    expect(first.rows).toHaveLength(50);
    expect(first.rows.every((r) => r.status === "failed" || r.status === "bounced")).toBe(true);
    const logPages = await tablePages("email_log");
    expect(logPages).toBeGreaterThan(1000);
    const [{ n: failedRows } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM email_log WHERE status IN ('failed', 'bounced')`);
    for (const params of [{}, { cursor: first.nextCursor }]) {
      const plan = await explain(failedEmailsQuery(params));
      const scans = scansOf(plan.nodes, "email_log");
      expect(scans.length).toBeGreaterThan(0);
      expect(scans.every((n) => n["Node Type"] !== "Seq Scan" && n["Index Name"])).toBe(true);
      // Newest first through a created_at index, stopping at a page of failures (a few % of all
      // mail): a small slice of the table.
      expect(plan.pages).toBeLessThan(logPages / 20);
    }
    // A rare type among the failures: PostgreSQL picks its index by the statistics of the moment
    // (created_at read backwards, or the failed rows' partial index), but never reads the log
    // row by row, nor more page visits than there are failed rows.
    const byType = await explain(failedEmailsQuery({ type: "alert_notification" }));
    const scans = scansOf(byType.nodes, "email_log");
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.every((n) => n["Node Type"] !== "Seq Scan" && n["Index Name"])).toBe(true);
    expect(byType.pages).toBeLessThan(Number(failedRows));
  });
});
