import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { formReady } from "./support/calculators";
import { createUser, e2eSql, signIn } from "./support/users";

async function run(page: Page, path: string, fields: Record<string, string>) {
  await page.goto(path);
  await formReady(page);
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Calculate" }).click();
  await expect(page.getByTestId("save-status")).toBeVisible();
  return page.getByTestId("headline").innerText();
}

test("a signed-in user's runs are in the history, newest first, filterable, reopenable, deletable and exportable", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user.email, user.password);

  const payment = await run(page, "/calculators/monthly-payment", { "Loan amount ($)": "300000", "Interest rate (%)": "5.25", "Loan term (years)": "20" });
  await expect(page.getByTestId("save-status")).toContainText("Saved to your history");
  await run(page, "/calculators/break-even", { "Closing costs ($)": "6500" });

  await page.goto("/history");
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("Break-even");
  await expect(entries.nth(0)).toContainText("Closing costs $6,500");
  await expect(entries.nth(1)).toContainText("Monthly payment");
  await expect(entries.nth(1)).toContainText("Loan amount $300,000 · Interest rate 5.25% · Loan term 20 yr");
  await expect(entries.nth(1)).toContainText(`Payment ${payment}`);

  // Filter by type.
  await page.getByRole("navigation", { name: "Filter by calculator" }).getByRole("link", { name: "Monthly payment" }).click();
  await expect(page).toHaveURL(/\/history\?type=monthly_payment$/);
  await expect(entries).toHaveCount(1);

  // Reopen: the calculator with the inputs restored and the same result.
  await entries.first().getByRole("link", { name: /Reopen/ }).click();
  await expect(page).toHaveURL(/\/calculators\/monthly-payment\?principal=300000&ratePercent=5.25&termYears=20$/);
  await expect(page.getByLabel("Loan amount ($)")).toHaveValue("300000");
  await expect(page.getByLabel("Interest rate (%)")).toHaveValue("5.25");
  await expect(page.getByTestId("headline")).toHaveText(payment);

  // Export CSV.
  await page.goto("/history");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("created_at_utc,calculator,mortgage,inputs,result,inputs_json,results_json,link");
  expect(csv).toHaveLength(3);
  expect(csv[1]).toContain("Break-even");
  expect(csv[2]).toContain("/calculators/monthly-payment?principal=300000&ratePercent=5.25&termYears=20");

  // Delete one, after a confirmation; focus then rests on the list's count, not the page.
  await entries.first().getByRole("button", { name: /^Delete Break-even/ }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this calculation?" });
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(entries).toHaveCount(2);
  await entries.first().getByRole("button", { name: /^Delete Break-even/ }).click();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(entries).toHaveCount(1);
  await expect(page.getByText("1 calculation", { exact: true })).toBeFocused();
  await expect(entries.first()).toContainText("Monthly payment");
  await page.getByRole("button", { name: "Delete all calculations" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No calculations yet")).toBeVisible();
});

test("runs made before signing in become the user's history", async ({ page }) => {
  const user = await createUser();
  const headline = await run(page, "/calculators/refinance-savings", { "New rate (%)": "3.125" });
  await expect(page.getByTestId("save-status")).toContainText("Saved in this browser for 30 days");

  await signIn(page, user.email, user.password, "/history");
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("Refinance savings");
  await expect(entries.first()).toContainText(`Saves ${headline}/mo`);
});

test("a signed-in user pre-fills a calculator from their mortgage, and the run records it", async ({ page }) => {
  const user = await createUser();
  const sql = e2eSql();
  try {
    await sql`INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term)
              VALUES (${user.id}, 'Maple Street', '02139', 35000000, 360, 6.75, 33000000, 320)`;
  } finally {
    await sql.end();
  }
  await signIn(page, user.email, user.password);
  await page.goto("/calculators/break-even");
  await page.getByLabel("Fill from my mortgage").selectOption({ label: "Maple Street" });
  await expect(page.getByLabel("Current balance ($)")).toHaveValue("330000");
  await expect(page.getByLabel("Current rate (%)")).toHaveValue("6.75");
  await expect(page.getByLabel("Payments left (months)")).toHaveValue("320");
  // The new loan as the dashboard compares it: 30 years at the latest 30-year survey rate, costs 2 %.
  const sql2 = e2eSql();
  const [newest] = await sql2<{ rate: string }[]>`SELECT rate::text AS rate FROM mortgage_rates WHERE rate_type = '30_year_fixed' ORDER BY date DESC LIMIT 1`;
  await sql2.end();
  await expect(page.getByLabel("New loan term (years)")).toHaveValue("30");
  await expect(page.getByLabel("New rate (%)")).toHaveValue(String(Number(newest!.rate)));
  await expect(page.getByLabel("Closing costs ($)")).toHaveValue("6600");
  await page.getByRole("button", { name: "Calculate" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved to your history");

  await page.goto("/history");
  await expect(page.getByTestId("history-entry").first()).toContainText("Maple Street");

  // Reopening it chooses the same mortgage again, with the run's own inputs.
  await page.getByTestId("history-entry").first().getByRole("link", { name: /^Reopen/ }).click();
  await expect(page).toHaveURL(/\/calculators\/break-even.*mortgage=/);
  await expect(page.getByLabel("Fill from my mortgage").locator("option:checked")).toHaveText("Maple Street");
  await expect(page.getByLabel("Current balance ($)")).toHaveValue("330000");
});
