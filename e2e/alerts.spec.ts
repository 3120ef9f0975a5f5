import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { paymentCents } from "@/lib/alerts/evaluate";
import { linkFrom, waitForMail } from "./support/mail";
import { createUser, e2eSql, signIn } from "./support/users";

const run = promisify(execFile);

/** One worker tick against the e2e database, as cron would run it (`npm run worker -- --once`). */
async function runWorkerOnce(): Promise<string> {
  const sql = e2eSql();
  try {
    // The daily rate download is not what this journey tests (and there is no network): mark
    // this slot's fetch as done so the tick doesn't attempt it.
    const slot = Math.floor(Date.now() / 86_400_000);
    await sql`INSERT INTO jobs (name, status, dedupe_key, finished_at) VALUES ('rates.fetch', 'done', ${`rates.fetch:${slot}`}, now()) ON CONFLICT (dedupe_key) DO NOTHING`;
    // The sweep runs after each import; enqueue it as the import would.
    await sql`INSERT INTO jobs (name) VALUES ('alerts.sweep')`;
  } finally {
    await sql.end();
  }
  const port = Number(process.env.E2E_PORT ?? 3210);
  const { stdout } = await run("npm", ["run", "-s", "worker", "--", "--once"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      DATA_DIR: ".test-tmp/e2e-data",
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
      LOAN_NUMBER_KEY: "1e".repeat(32),
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2529}`,
      RATES_SOURCE_URL: "http://127.0.0.1:9/unreachable.csv",
    },
  }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? "" }));
  return stdout;
}

test("the owner of a monitored alert is emailed when a lower rate is published, opens the trigger, dismisses it, and the alert shows it", async ({ page }) => {
  const user = await createUser();
  const sql = e2eSql();
  let alertId = "";
  let newest: { date: string; rate: string } | undefined;
  let fakeDate = "";
  try {
    [newest] = await sql<{ date: string; rate: string }[]>`SELECT date::text AS date, rate::text AS rate FROM mortgage_rates WHERE rate_type = '30_year_fixed' ORDER BY date DESC LIMIT 1`;
    const target = Number(newest!.rate) - 0.25; // not met by today's market
    const [m] = await sql<{ id: string }[]>`
      INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term)
      VALUES (${user.id}, 'Birch Lane house', '60614', 40000000, 360, 7.5, 38000000, 330) RETURNING id`;
    const [a] = await sql<{ id: string }[]>`
      INSERT INTO alerts (user_id, mortgage_id, alert_type, target_interest_rate, target_term, estimate_refinance_cost_cents)
      VALUES (${user.id}, ${m!.id}, 'interest_rate', ${target}, 360, 400000) RETURNING id`;
    alertId = a!.id;
    await sql`
      INSERT INTO subscriptions (user_id, alert_id, stripe_customer_id, stripe_subscription_id, stripe_price_id, status, current_period_start, current_period_end, amount_cents)
      VALUES (${user.id}, ${alertId}, 'cus_e2e_alerts', ${`sub_e2e_${alertId}`}, 'price_e2e', 'active', now() - interval '1 day', now() + interval '364 days', 12000)`;
  } finally {
    await sql.end();
  }

  await signIn(page, user.email, user.password, `/alerts/${alertId}`);
  await expect(page.getByText("Monitoring", { exact: true })).toBeVisible();
  await expect(page.getByText(/Nothing yet/)).toBeVisible();

  // Freddie Mac publishes a lower rate the next week; the worker's sweep picks it up.
  const lower = (Number(newest!.rate) - 0.5).toFixed(3);
  const db = e2eSql();
  try {
    const [row] = await db<{ d: string }[]>`SELECT (${newest!.date}::date + 7)::text AS d`;
    fakeDate = row!.d;
    await db`INSERT INTO mortgage_rates (date, rate_type, rate) VALUES (${fakeDate}, '30_year_fixed', ${lower})`;
    const out = await runWorkerOnce();
    expect(out).toContain("alerts.sweep: done");
  } finally {
    // Other journeys read "today's rate": the published week is withdrawn once the sweep has seen it.
    await db`DELETE FROM mortgage_rates WHERE date = ${fakeDate} AND rate_type = '30_year_fixed'`;
    await db.end();
  }

  // The instant email links to the trigger.
  const mail = await waitForMail(user.email);
  const link = linkFrom(mail, "/triggers/");
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Your alert on Birch Lane house fired" })).toBeVisible();
  await expect(page.getByText(`${Number(lower).toFixed(2)}%`).first()).toBeVisible();
  await expect(page.getByText("Monthly savings")).toBeVisible();

  await page.getByRole("button", { name: "Dismiss", exact: true }).click();
  await expect(page.getByText(/^Dismissed\./)).toBeVisible();
  await expect(page.getByTestId("trigger-action")).toContainText("You dismissed it");

  await page.getByRole("link", { name: "Back to the alert" }).click();
  const row = page.getByTestId("trigger-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Acknowledged");
  await expect(row).toContainText("Dismissed");
  await expect(page.getByText("Times triggered")).toBeVisible();

  // The alerts list shows the last trigger and the email sent.
  await page.goto("/alerts");
  const item = page.getByTestId("alert-row").filter({ hasText: "Birch Lane house" });
  await expect(item).toContainText("Monitoring");
  await expect(item.getByRole("link", { name: /UTC/ })).toBeVisible();
  // Each alert says where it is managed (its page: pause, edit, delete, triggers).
  await item.getByRole("link", { name: /^Manage .*Birch Lane house$/ }).click();
  await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
});

test("an alert is created from the form, shows what the target means and its backtest, and waits for payment", async ({ page }) => {
  const user = await createUser();
  const sql = e2eSql();
  try {
    await sql`
      INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term)
      VALUES (${user.id}, 'Cedar Court condo', '60614', 30000000, 360, 7.25, 29000000, 340)`;
  } finally {
    await sql.end();
  }
  await signIn(page, user.email, user.password, "/alerts/new");
  // What it costs is said before it is made: the prices checkout will offer (seeded plan).
  await expect(page.getByTestId("alert-price")).toHaveText(/^Each alert is monitored for \$[\d,]+\.\d\d a year or \$[\d,]+\.\d\d a month\. .*nothing is charged before that\.$/);
  await page.getByLabel("Target rate (%)").fill("abc");
  await page.getByRole("button", { name: "Create alert" }).click();
  await expect(page.getByText(/Enter a target rate between/)).toBeVisible();

  await expect(page.getByLabel("Target rate (%)")).toBeFocused(); // keyboard users land on the error

  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  await page.getByLabel("Target rate (%)").fill("5.25");
  // The corrected value replaces the stale message with the live preview, and the form-level
  // message goes with it.
  await expect(page.getByText(/Enter a target rate between/)).toHaveCount(0);
  await expect(page.getByText("Please correct the highlighted fields.")).toHaveCount(0);
  await expect(page.getByTestId("target-meaning")).toHaveText("Fires when the 30-year rate is at or below 5.25%.");
  await expect(page.getByTestId("backtest")).toContainText(/On Freddie Mac history since 1971, this alert would have fired in [\d,]+ of [\d,]+ weeks, first on/);
  await page.getByLabel("Term of the new loan").selectOption("240");
  await expect(page.getByText(/watched against the nearest one, the 15-year fixed rate/)).toBeVisible();
  await page.getByLabel("Term of the new loan").selectOption("360");

  // A payment target at or above today's payment (290,000 at 7.25 % over 340 months) is flagged.
  const nowCents = paymentCents(29_000_000, 7.25, 340);
  const warning = page.getByRole("status").filter({ hasText: "a month now: a target at or above that" });
  await page.getByLabel("Monthly payment", { exact: true }).check();
  await page.getByLabel("Target monthly payment ($)").fill(((nowCents + 10_000) / 100).toFixed(2));
  await expect(warning).toContainText(`You pay ${(nowCents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" })} a month now`);
  await page.getByLabel("Target monthly payment ($)").fill(((nowCents - 30_000) / 100).toFixed(2));
  await expect(warning).toHaveCount(0);
  await page.getByLabel("Interest rate", { exact: true }).check();
  // So is a rate target at or above the loan's own 7.25 %.
  const rateWarning = page.getByRole("status").filter({ hasText: "Your loan is at 7.25% now: a target at or above that" });
  await page.getByLabel("Target rate (%)").fill("7.5");
  await expect(rateWarning).toBeVisible();
  await page.getByLabel("Target rate (%)").fill("5.25");
  await expect(rateWarning).toHaveCount(0);

  await page.getByRole("button", { name: "Create alert" }).click();
  await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/); // ?created=1 taken out once shown
  await expect(page.getByText("Awaiting payment", { exact: true })).toBeVisible();
  await expect(page.getByText(/awaiting payment: it starts watching/)).toBeVisible();
  // Not watching yet, so nothing to pause; it can still be put aside or deleted.
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Dismiss alert" })).toBeVisible();
});
