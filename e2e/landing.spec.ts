import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { surveyFreshness } from "@/lib/rates/freshness";

/** The newest row of the shipped 30-year PMMS file, as the seed loaded it. */
function newestSeeded30Year(): { date: string; rate: number } {
  const lines = readFileSync("db/seed-data/rates/pmms-30_year_fixed.csv", "utf8").trim().split("\n");
  const [date, , rate] = lines[lines.length - 1]!.split(",");
  return { date: date!, rate: Number(rate) };
}

test("the landing page shows the latest 30-year rate from the seeded survey data", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("refinancing");
  const newest = newestSeeded30Year();
  await expect(page.getByTestId("rate-30")).toHaveText(`${newest.rate.toFixed(2)}%`);
  const [y, m, d] = newest.date.split("-").map(Number);
  const week = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  await expect(page.getByText(new RegExp(`^Week of ${week}`))).toBeVisible();
  await expect(page.getByText("Source: Freddie Mac Primary Mortgage Market Survey®").first()).toBeVisible();

  // A week older than a release cycle is not called current, here or on /rates.
  // (The rule itself, lib/rates/freshness.ts, is unit-tested; here: the pages apply it.)
  const { overdue } = surveyFreshness(newest.date, new Date().toISOString().slice(0, 10));
  for (const path of ["/", "/rates"]) {
    await page.goto(path);
    if (overdue) await expect(page.getByTestId("stale-survey")).toContainText(`newest figures we have, from the week of ${week}`);
    else await expect(page.getByTestId("stale-survey")).toHaveCount(0);
  }
});

test("on a phone the header's links sit in a menu, and the landing page says what an alert costs", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Get started" })).toBeVisible();
  const pricing = header.getByRole("link", { name: "Pricing" });
  await expect(pricing).toBeHidden();
  const menu = header.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // By keyboard: open, Escape closes and returns focus to the button.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(pricing).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(pricing).toBeHidden();
  await expect(menu).toBeFocused();

  const price = page.getByTestId("landing-price");
  await expect(price).toContainText(/An alert that watches the market for you costs \$[\d,]+\.\d\d a year or \$[\d,]+\.\d\d a month\./);
  await menu.click();
  await pricing.click();
  await expect(page).toHaveURL(/\/pricing$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pricing");
  await expect(pricing).toBeHidden(); // closed on arrival
  // From sm up there is no menu: the links are in the bar.
  await page.setViewportSize({ width: 1024, height: 780 });
  await expect(menu).toBeHidden();
  await expect(pricing).toBeVisible();
});


test("GET /api/health answers with a database round trip", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "up" });
});

test("the benchmark's reference pages are not part of a normal build", async ({ request }) => {
  // app/(bench)/probe-floor and app/(app)/dashboard/probe are *.probe.tsx: built only with BENCH_PROBES=1.
  const res = await request.get("/probe-floor");
  expect(res.status()).toBe(404);
});

test("signed-out visitors are sent to sign in from app pages, and can sign in with a demo account", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/);
  await page.getByLabel("Email").fill("homeowner@demo.refialert.test");
  await page.getByLabel("Password").fill("harbor-maple-lantern");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Dana Homeowner");
});
