import { expect, test, type Page } from "@playwright/test";
import { revalidateHookToken } from "@/lib/rates/revalidate-hook";
import { createUser, e2eSql, signIn } from "./support/users";

const summary = (page: Page) => page.getByTestId("chart-summary");
const linePath = (page: Page, type: string) => page.locator(`.rate-line-${type} path.recharts-curve, path.rate-line-${type}`).first();

test("the rates page shows this week's rates, the last 12 weeks and the data credit", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  await page.goto("/rates");
  await expect(page.getByRole("heading", { level: 1, name: "Mortgage rates" })).toBeVisible();
  const thirty = page.getByTestId("rate-card-30_year_fixed");
  await expect(thirty).toContainText("30-year fixed");
  await expect(thirty).toContainText("Week of");
  await expect(thirty).toContainText(/up \d+ basis points|down \d+ basis points|unchanged/);
  await expect(page.getByTestId("rate-card-5_1_ARM")).toContainText("Freddie Mac stopped publishing the 5/1 ARM after Nov 10, 2022");
  await expect(page.getByTestId("rate-card-FHA_30")).toHaveCount(0);
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(12);
  await expect(page.getByText("Source: Freddie Mac Primary Mortgage Market Survey®").first()).toBeVisible();
  // A visitor is invited to sign in for their own rate, and nothing the page asked for failed.
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expect(page.getByText("to see your own mortgage rate")).toBeVisible();
  expect(failed).toEqual([]);
});

test("switching ranges and types redraws the chart", async ({ page }) => {
  await page.goto("/rates");
  const chart = page.getByTestId("rates-chart");
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute("data-range", "1Y");
  await expect(summary(page)).toContainText("Showing 30-year fixed, 15-year fixed from");
  await expect(linePath(page, "30_year_fixed")).toBeVisible();
  const oneYear = await linePath(page, "30_year_fixed").getAttribute("d");

  await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "Max" }).click();
  await expect(chart).toHaveAttribute("data-range", "MAX");
  await expect(summary(page)).toContainText("from Apr 2, 1971");
  await expect(summary(page)).toContainText("keeping each period's high and low");
  await expect.poll(() => linePath(page, "30_year_fixed").getAttribute("d")).not.toBe(oneYear);

  const types = page.getByRole("group", { name: "Rate types" });
  await types.getByRole("button", { name: "30-year fixed" }).click();
  await expect(types.getByRole("button", { name: "30-year fixed" })).toHaveAttribute("aria-pressed", "false");
  await expect(linePath(page, "30_year_fixed")).toHaveCount(0);
  await expect(summary(page)).toContainText("Showing 15-year fixed from Aug 30, 1991");

  await types.getByRole("button", { name: "5/1 ARM" }).click();
  await expect(linePath(page, "5_1_ARM")).toBeVisible();
  await expect(summary(page)).toContainText("15-year fixed, 5/1 ARM");

  await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "1M" }).click();
  await expect(page.getByTestId("arm-ended")).toContainText("stopped publishing the 5/1 ARM after Nov 10, 2022");
  await expect(summary(page)).toContainText("Showing 15-year fixed from");
});

test("the chart is drawn with the page; pointing at it brings the interactive chart with weekly values", async ({ page }) => {
  await page.goto("/rates");
  const chart = page.getByTestId("rates-chart");
  // The picture: one line per type with data, the y axis in percent, month ticks, no recharts yet.
  await expect(chart.locator("[data-static-chart] path.rate-line-30_year_fixed")).toBeVisible();
  await expect(chart.locator("[data-static-chart] path.rate-line-15_year_fixed")).toBeVisible();
  await expect(chart.locator("[data-static-chart]")).toContainText("%");
  await page.waitForLoadState("networkidle");
  await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
  // The picture's axis labels (rates, then dates), to compare with the drawing's after the swap.
  const labels = async (sel: string) => (await chart.locator(sel).allTextContents()).map((t) => t.trim()).sort();
  const picture = [await labels("[data-static-chart] .col-start-1.row-start-2 span"), await labels("[data-static-chart] .col-start-2.row-start-3 span")];

  await chart.locator("[data-chart-stage]").hover();
  await expect(chart.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await expect(chart.locator("[data-static-chart]")).toHaveCount(0);
  await expect.poll(async () => [await labels(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value"), await labels(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")]).toEqual(picture);
  await chart.locator(".recharts-wrapper").hover({ position: { x: 200, y: 100 } });
  await expect(chart.locator(".recharts-tooltip-wrapper")).toContainText(/Week of .*30-year fixed: \d+\.\d+%/s);
});

test("the rates API is cacheable: ETag, 304 and a public Cache-Control through the server", async ({ request }) => {
  const res = await request.get("/api/rates?type=30_year_fixed&range=MAX");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toMatch(/public.*s-maxage.*stale-while-revalidate/);
  const body = await res.json();
  expect(body.points.length).toBeLessThanOrEqual(600);
  const etag = res.headers()["etag"]!;
  const again = await request.get("/api/rates?type=30_year_fixed&range=MAX", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect((await request.get("/api/rates?type=jumbo")).status()).toBe(400);
  // Signed out, the overlay is empty, not an error (every anonymous reader of /rates asks for it).
  const me = await request.get("/api/rates/me");
  expect(me.status()).toBe(200);
  expect(me.headers()["cache-control"]).toBe("private, no-store");
  expect(await me.json()).toBeNull();
});

test("the worker's hook drops the cached rates: a week imported outside a request shows at once, and only with the token", async ({ request }) => {
  // The e2e server's AUTH_SECRET (playwright.config.ts) signs the hook's token, as the worker's does.
  const auth = { authorization: `Bearer ${revalidateHookToken("e2e-auth-secret-0123456789abcdef0123456789")}` };
  const latest = async () => (await (await request.get("/api/rates/latest")).json()).rates.find((r: { type: string }) => r.type === "30_year_fixed");
  const before = await latest();
  const next = new Date(Date.parse(`${before.date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const sql = e2eSql();
  try {
    // As the worker's import writes it: straight to the database, no Next request around it.
    await sql`INSERT INTO mortgage_rates (date, rate_type, rate, change_from_previous, source) VALUES (${next}, '30_year_fixed', 4.321, 0, 'freddie_mac_pmms')`;
    expect((await latest()).date).toBe(before.date); // cached
    expect((await request.post("/api/rates/revalidate")).status()).toBe(401);
    expect((await request.post("/api/rates/revalidate", { headers: { authorization: "Bearer forged" } })).status()).toBe(401);
    expect((await latest()).date).toBe(before.date);
    const res = await request.post("/api/rates/revalidate", { headers: auth });
    expect(res.status()).toBe(200);
    await expect.poll(async () => (await latest()).date).toBe(next);
  } finally {
    await sql`DELETE FROM mortgage_rates WHERE date = ${next} AND rate_type = '30_year_fixed'`;
    await request.post("/api/rates/revalidate", { headers: auth });
    await sql.end();
  }
  await expect.poll(async () => (await latest()).date).toBe(before.date);
});

test("signed in, the chart draws each of my mortgage rates and its refi zone", async ({ page }) => {
  await page.goto("/rates");
  await expect(page.getByText("to see your own mortgage rate and refi zone")).toBeVisible();

  const user = await createUser();
  const sql = e2eSql();
  try {
    await sql`UPDATE user_preferences SET min_rate_drop_threshold = 0.25 WHERE user_id = ${user.id}`;
    await sql`INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term)
              VALUES (${user.id}, 'Lake house', '55401', 42000000, 360, 7.5, 40000000, 330)`;
    await sql`INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term, deleted_at)
              VALUES (${user.id}, 'Sold condo', '55401', 20000000, 360, 4.25, 19000000, 300, now())`;
  } finally {
    await sql.end();
  }
  await signIn(page, user.email, user.password, "/rates");
  await page.getByTestId("rates-chart").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("own-rates")).toContainText("Lake house: your rate 7.50% (dashed line). The shaded refi zone is at or below 7.25%");
  await expect(page.getByText("Your rate: Lake house 7.50%")).toBeVisible();
  await expect(page.getByText("Sold condo")).toHaveCount(0);
  // The line stays when the range changes.
  await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "5Y" }).click();
  await expect(page.getByTestId("rates-chart")).toHaveAttribute("data-range", "5Y");
  await expect(page.getByText("Your rate: Lake house 7.50%")).toBeVisible();
});
