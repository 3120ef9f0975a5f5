import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { amortizationSchedule } from "@/lib/calc";
import { addMonths, todayIso } from "@/lib/mortgages/dates";
import { surveyFreshness } from "@/lib/rates/freshness";
import { createUser, e2eSql, signIn } from "./support/users";

/** The newest row of the shipped 30-year PMMS file, as the seed loaded it. */
function newestSeeded30Year(): { date: string; rate: number } {
  const lines = readFileSync("db/seed-data/rates/pmms-30_year_fixed.csv", "utf8").trim().split("\n");
  const [date, , rate] = lines[lines.length - 1]!.split(",");
  return { date: date!, rate: Number(rate) };
}

test("add a mortgage (bad input first), see its dashboard card, record a balance, see the chart", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user.email, user.password);

  // A new user: a clear empty state with a call to action.
  await expect(page.getByRole("heading", { name: "Welcome! Start with your mortgage" })).toBeVisible();
  await page.getByRole("link", { name: "Add your first mortgage" }).click();
  await expect(page).toHaveURL(/\/mortgages\/new$/);

  // Bad input: every problem is a message next to its field, nothing is saved.
  await page.getByLabel("ZIP code").fill("123");
  await page.getByLabel("Original principal ($)").fill("500");
  await page.getByLabel("Original term (years)").fill("60");
  await page.getByLabel("Original interest rate (%)").fill("30");
  await page.getByLabel("Credit score").fill("900");
  await page.getByRole("button", { name: "Add mortgage" }).click();
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  await expect(page.getByText(/Give this mortgage a name/)).toBeVisible();
  await expect(page.getByText("Enter the property's 5-digit ZIP code.")).toBeVisible();
  await expect(page.getByText("Enter an original principal between 1,000 and 100,000,000.")).toBeVisible();
  await expect(page.getByText("Enter a term between 1 and 50 whole years.")).toBeVisible();
  await expect(page.getByText("Enter an interest rate between 0% and 25%.")).toBeVisible();
  await expect(page.getByText("Credit scores run from 300 to 850.")).toBeVisible();
  await expect(page.getByLabel("ZIP code")).toHaveValue("123"); // what was typed stays
  await expect(page.getByLabel("ZIP code")).toHaveAttribute("aria-invalid", "true");
  // Keyboard focus lands on the first field in error, so its message is read out with it.
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();

  // Fix it. With an origination date the remaining figures pre-fill from the schedule.
  const originated = addMonths(todayIso(), -60);
  await page.getByLabel("Name", { exact: true }).fill("Maple Street home");
  await page.getByLabel("ZIP code").fill("94110");
  await page.getByLabel("Original principal ($)").fill("400,000");
  await page.getByLabel("Original term (years)").fill("30");
  await page.getByLabel("Original interest rate (%)").fill("9.5");
  await page.getByLabel("Credit score").fill("760");
  await page.getByLabel("Origination date").fill(originated);
  const expected = amortizationSchedule({ principal: 400_000, annualRatePercent: 9.5, termMonths: 360 }).rows[59]!.balance;
  await expect(page.getByLabel("Remaining principal ($)")).toHaveValue(expected.toFixed(2));
  await expect(page.getByLabel("Remaining term (months)")).toHaveValue("300");

  // A remaining principal above the original is refused with a field message.
  await page.getByLabel("Remaining principal ($)").fill("450000");
  await page.getByLabel("Estimated property value ($)").fill("650000");
  await page.getByLabel("Loan number").fill("0042-7781-9012");
  await page.getByRole("button", { name: "Add mortgage" }).click();
  await expect(page.getByText("The remaining principal can't be more than the original principal.")).toBeVisible();
  await page.getByLabel("Remaining principal ($)").fill(expected.toFixed(2));
  await page.getByRole("button", { name: "Add mortgage" }).click();

  await expect(page.getByText("Mortgage added.")).toBeVisible();
  // Said once: the address loses ?saved=created at once, so a reload (or the page re-rendered by
  // its next action) doesn't say it again.
  await expect(page).toHaveURL(/\/mortgages\/[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByText("••••9012")).toBeVisible();
  await expect(page.getByText("Mortgage added.")).toHaveCount(0);
  await expect(page.getByText("••••9012")).toBeVisible();
  await expect(page.getByText("0042-7781-9012")).toHaveCount(0);
  const mortgageUrl = page.url().replace(/\?.*$/, "");

  // The dashboard card compares with today's 30-year rate (300 months left) and gives a verdict.
  await page.getByRole("link", { name: "Dashboard" }).click();
  const card = page.getByTestId("mortgage-card");
  await expect(card.getByRole("heading", { name: "Maple Street home" })).toBeVisible();
  const newest = newestSeeded30Year();
  await expect(card.getByTestId("market-rate")).toHaveText(`${newest.rate.toFixed(2)}%`);
  // The shipped rates stop at the file's newest week: once a weekly release is overdue (the
  // browser runs in UTC), the page says the rates are the latest it has, not this week's.
  const { overdue, age } = surveyFreshness(newest.date, todayIso());
  const staleNotice = page.getByRole("status").filter({ hasText: "Freddie Mac's newest survey here is from the week of" });
  if (overdue) {
    await expect(staleNotice).toContainText(`${age} ago; a newer one has not reached us yet`);
    await expect(page.getByText(/^Latest rates: 30-year fixed/)).toBeVisible();
    await expect(card.getByText(/^The latest 30-year fixed rate is/)).toBeVisible();
  } else {
    await expect(page.getByText(/^This week's rates: 30-year fixed/)).toBeVisible();
    await expect(staleNotice).toHaveCount(0);
    await expect(card.getByText(/^Today's 30-year fixed rate is/)).toBeVisible();
  }
  await expect(card.getByText(/estimated at 2% of your balance/)).toBeVisible();
  await expect(card.getByTestId("verdict")).toHaveText(/^Refinancing now would pay for itself in \d+ months? and save \$[\d,]+ of interest over the loan's life, costs included$/);
  await expect(card.getByText("No alert on this mortgage.")).toBeVisible();

  // Record a balance below the schedule: the table shows the gap, the chart is drawn.
  await page.goto(mortgageUrl);
  await expect(page.getByTestId("balance-chart").locator("svg.recharts-surface").first()).toBeVisible();
  const legend = page.getByTestId("balance-chart").locator(".recharts-legend-wrapper");
  await expect(legend).toContainText("Projected (schedule)");
  await expect(legend).not.toContainText("Recorded"); // nothing recorded yet
  await page.getByLabel("Balance ($)").fill("350000");
  await page.getByLabel("Months left").fill("298");
  await page.getByRole("button", { name: "Record balance" }).click();
  await expect(page.getByText("Balance recorded.")).toBeVisible();
  const table = page.getByRole("table", { name: "Recorded balances" });
  await expect(table.getByRole("cell", { name: "$350,000.00" })).toBeVisible();
  await expect(table.getByRole("cell", { name: (expected - 350_000).toLocaleString("en-US", { style: "currency", currency: "USD" }) })).toBeVisible();
  await expect(page.getByText(/below the schedule: that is extra principal you have paid/)).toBeVisible();
  await expect(page.getByTestId("balance-chart").locator(".recharts-line-dots circle")).toHaveCount(1);
  await expect(legend).toContainText("Recorded");

  // The mortgage follows the newest snapshot.
  await expect(page.getByText("$350,000.00").first()).toBeVisible();
  await page.getByRole("link", { name: "Mortgages" }).click();
  await expect(page.getByRole("row", { name: /Maple Street home/ })).toContainText("$350,000.00");

  // A mistaken balance can be removed (after a confirmation); the last one leaves the figures as they are.
  await page.goto(mortgageUrl);
  await table.getByRole("button", { name: /^Remove the balance of / }).click();
  const confirm = page.getByRole("dialog", { name: "Remove this balance?" });
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(table.getByRole("cell", { name: "$350,000.00" })).toBeVisible();
  await table.getByRole("button", { name: /^Remove the balance of / }).click();
  await confirm.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText(/^Balance of .+ removed\. No balance is left on record: the mortgage keeps its figures/)).toBeVisible();
  await expect(page.getByText("No balances recorded yet.")).toBeVisible();
  await expect(page.locator("#recorded-balances")).toBeFocused(); // not dropped to the page
});

test("delete with undo, and another user's mortgage is a 404", async ({ page }) => {
  const user = await createUser();
  const other = await createUser();
  const sql = e2eSql();
  let othersId: string;
  try {
    const rows = await sql<{ id: string }[]>`
      INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term)
      VALUES (${user.id}, 'Lake cabin', '49684', 18000000, 180, 7.125, 16000000, 150),
             (${other.id}, 'Not yours', '10001', 30000000, 360, 6.5, 29000000, 340)
      RETURNING id, name`;
    othersId = rows.find((r) => (r as unknown as { name: string }).name === "Not yours")!.id;
  } finally {
    await sql.end();
  }

  await signIn(page, user.email, user.password, "/mortgages");
  await expect(page.getByRole("row", { name: /Lake cabin/ })).toBeVisible();
  // No alert watches it: it goes at once, and focus moves to Undo (the button went with the row).
  await page.getByRole("button", { name: "Delete Lake cabin" }).click();
  await expect(page.getByText("Deleted “Lake cabin”.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No mortgages yet" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Restored “Lake cabin”.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Lake cabin/ })).toBeVisible();
  // The toast went with focus in it: focus is on the page's main region, not dropped on <body>.
  await expect(page.locator("main#main")).toBeFocused();

  for (const path of [`/mortgages/${othersId}`, `/mortgages/${othersId}/edit`, "/mortgages/not-a-uuid"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
});

test("a mortgage an alert watches asks before it goes, and its Undo waits while it is being reached", async ({ page }) => {
  const user = await createUser();
  const sql = e2eSql();
  try {
    const [m] = await sql<{ id: string }[]>`
      INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term)
      VALUES (${user.id}, 'Harbor loft', '02210', 52000000, 360, 7.25, 50000000, 330) RETURNING id`;
    await sql`INSERT INTO alerts (user_id, mortgage_id, alert_type, target_interest_rate, target_term) VALUES (${user.id}, ${m!.id}, 'interest_rate', 5.5, 360)`;
  } finally {
    await sql.end();
  }
  await page.clock.install();
  await signIn(page, user.email, user.password, "/mortgages");

  // Keeping it changes nothing.
  await page.getByRole("button", { name: "Delete Harbor loft" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Harbor loft”?" });
  await expect(dialog).toContainText("An alert watches this mortgage: it stops too, and any subscription for it ends with the period already paid for");
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: /Harbor loft/ })).toBeVisible();

  await page.getByRole("button", { name: "Delete Harbor loft" }).click();
  await dialog.getByRole("button", { name: "Delete mortgage" }).click();
  await expect(page.getByText("Deleted “Harbor loft” and its alert.")).toBeVisible();
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  // Held while focused: still there well past its 10 seconds…
  await page.clock.fastForward(15_000);
  await expect(undo).toBeVisible();
  // …but not past the 25 the server's restore window allows for.
  await page.clock.fastForward(11_000);
  await expect(undo).toBeHidden();
  await page.goto("/alerts");
  await expect(page.getByText("Harbor loft")).toHaveCount(0);
});
