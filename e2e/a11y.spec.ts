import { appendFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { calculatorList } from "@/components/calculators/meta";
import { createUser, e2eSql, signIn } from "./support/users";

// Every page of every persona, checked with axe: no serious or critical violations, in light and
// dark mode. Pages that show one row (a mortgage, an alert, a trigger, a user) get a row of the
// test user's own, written straight into the database.
const PUBLIC = [
  "/",
  "/pricing",
  "/rates",
  "/calculators",
  ...calculatorList.map((c) => `/calculators/${c.slug}`),
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password?token=not-a-real-token",
  "/verify-email?token=not-a-real-token",
  "/unsubscribe?token=not-a-real-token",
];

type Fixture = { mortgageId: string; alertId: string; triggerId: string };

/** A mortgage with an interest-rate alert that has fired once, owned by `userId`. */
async function createFixture(userId: string): Promise<Fixture> {
  const sql = e2eSql();
  try {
    const [m] = await sql<{ id: string }[]>`
      INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate,
                             remaining_principal_cents, remaining_term, credit_score, lender_name, origination_date)
      VALUES (${userId}, 'Maple Street home', '02139', 45000000, 360, 7.125, 42000000, 330, 760, 'Harbor Bank', '2023-09-01')
      RETURNING id`;
    const [a] = await sql<{ id: string }[]>`
      INSERT INTO alerts (user_id, mortgage_id, alert_type, target_interest_rate, target_term, total_triggers,
                          first_triggered_at, last_triggered_at)
      VALUES (${userId}, ${m!.id}, 'interest_rate', 6.5, 360, 1, now(), now())
      RETURNING id`;
    const [t] = await sql<{ id: string }[]>`
      INSERT INTO triggers (alert_id, reason, threshold_value, current_value, rate_type, market_date, market_rate)
      VALUES (${a!.id}, 'The 30-year fixed rate fell to 6.25%, at or below your target of 6.50%.', 6.5, 6.25,
              '30_year_fixed', '2026-11-19', 6.25)
      RETURNING id`;
    return { mortgageId: m!.id, alertId: a!.id, triggerId: t!.id };
  } finally {
    await sql.end();
  }
}

function homeownerPages(f: Fixture) {
  return [
    "/dashboard",
    "/mortgages",
    "/mortgages/new",
    `/mortgages/${f.mortgageId}`,
    `/mortgages/${f.mortgageId}/edit`,
    "/alerts",
    "/alerts/new",
    `/alerts/${f.alertId}`,
    `/alerts/${f.alertId}/edit`,
    `/triggers/${f.triggerId}`,
    "/history",
    "/billing",
    "/billing/cancel",
    "/settings",
  ];
}

function adminPages(userId: string) {
  return [
    "/admin",
    "/admin/users",
    `/admin/users/${userId}`,
    "/admin/subscriptions",
    "/admin/invoices",
    "/admin/triggers",
    "/admin/emails",
    "/admin/rates",
    "/admin/pricing",
  ];
}

async function setTheme(page: Page, theme: "light" | "dark") {
  await page.context().addCookies([{ name: "theme", value: theme, url: test.info().project.use.baseURL! }]);
}

async function violations(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} status`).toBeLessThan(400);
  // Client components render their content after hydration; let their first fetches settle.
  // Capped: /rates now and then keeps one request open, and axe needs the DOM, not an idle network.
  await page.waitForLoadState("networkidle", { timeout: 8_000 }).catch(() => page.waitForTimeout(500));
  await expect(page.locator("main").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const theme = (await page.evaluate(() => document.documentElement.classList.contains("dark"))) ? "dark" : "light";
  // AXE_DEBUG=<file>: every failing node with axe's explanation (colours, ratios), one JSON a line.
  const debugFile = process.env.AXE_DEBUG;
  if (debugFile) {
    for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
      for (const n of v.nodes) appendFileSync(debugFile, JSON.stringify({ theme, path, id: v.id, html: n.html.slice(0, 300), why: n.failureSummary }) + "\n");
  }
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${theme} ${path}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** Checks every page in both themes and reports every violation at once (not just the first). */
async function expectAccessible(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    for (const path of paths) found.push(...(await violations(page, path)));
  }
  expect(found).toEqual([]);
}

test.describe("accessibility (axe)", () => {
  for (const path of PUBLIC) {
    test(`public ${path}, light and dark`, async ({ page }) => expectAccessible(page, [path]));
  }

  // In two halves, each with its own budget: 28 axe runs in one test came close to its timeout on
  // a loaded machine.
  const halves = [
    ["dashboard, mortgages, alert list", (pages: string[]) => pages.slice(0, 7)],
    ["alert details, triggers, history, billing, settings", (pages: string[]) => pages.slice(7)],
  ] as const;
  for (const [name, pick] of halves) {
    test(`homeowner pages (${name}), light and dark`, async ({ page }) => {
      test.setTimeout(180_000);
      const user = await createUser();
      const fixture = await createFixture(user.id);
      await signIn(page, user.email, user.password);
      await expectAccessible(page, pick(homeownerPages(fixture)));
    });
  }

  test("admin pages, light and dark", async ({ page }) => {
    test.setTimeout(180_000);
    const someone = await createUser({ name: "Looked-up Homeowner" });
    await createFixture(someone.id);
    const admin = await createUser({ role: "admin" });
    await signIn(page, admin.email, admin.password, "/admin");
    await expectAccessible(page, adminPages(someone.id));
  });
});
