import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { chartDrawn, chartGoesInteractive, formReady } from "./support/calculators";

/** Fill a calculator field by its label (labels carry the unit, e.g. "Loan amount ($)"). */
async function fill(page: Page, label: string | RegExp, value: string) {
  await page.getByLabel(label).fill(value);
}

async function calculate(page: Page) {
  await formReady(page);
  await page.getByRole("button", { name: "Calculate" }).click();
  await expect(page.getByTestId("save-status")).toBeVisible();
}

/** A result's stat, found by its label (a <dt>): its value (`.first()`), then its hint (`.nth(1)`). */
function stat(page: Page, label: string) {
  return page.locator("dt").filter({ hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd");
}

/** Dollars as shown ("$1,234.56") to cents, refusing anything else (a minus sign, say). */
function cents(text: string): number {
  expect(text).toMatch(/^\$[\d,]+\.\d\d$/);
  return Math.round(Number(text.replace(/[$,]/g, "")) * 100);
}

/** After a run, the URL holds the inputs: a reload renders the same result on the server. */
async function expectSameAfterReload(page: Page, chartTestId: string) {
  const headline = await page.getByTestId("headline").innerText();
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId("headline")).toHaveText(headline);
  await chartDrawn(page, chartTestId);
  // No "example" label on a shared result.
  await expect(page.getByText("An example with the demo loan")).toHaveCount(0);
  return headline;
}

test("the calculators index lists every calculator with a description", async ({ page }) => {
  await page.goto("/calculators");
  const nav = page.getByRole("navigation", { name: "Calculators" });
  for (const name of ["Monthly payment", "Amortization schedule", "Target rate finder", "Break-even", "Refinance savings", "Efficient frontier"]) {
    await expect(nav.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  }
  await nav.getByRole("link", { name: /Break-even/ }).click();
  await expect(page).toHaveURL(/\/calculators\/break-even$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Break-even");
});

test("monthly payment: the textbook payments, a chart, and a shareable URL", async ({ page }) => {
  await page.goto("/calculators/monthly-payment");
  // The demo loan shows as an example before anything is entered: 400,000 at 4.5 % for 30 years.
  await expect(page.getByText("An example with the demo loan")).toBeVisible();
  await expect(page.getByTestId("headline")).toHaveText("$2,026.74");

  await fill(page, "Interest rate (%)", "6");
  await calculate(page);
  // 400,000 at 6 % over 360 months: $2,398.20 (standard amortization tables).
  await expect(page.getByTestId("headline")).toHaveText("$2,398.20");
  await expect(page).toHaveURL(/principal=400000&ratePercent=6&termYears=30/);
  await chartDrawn(page, "chart-schedule");
  await expectSameAfterReload(page, "chart-schedule");
  await expect(page.getByLabel("Interest rate (%)")).toHaveValue("6");

  // Reset on a shared result: the example's inputs, and no stale result beside them.
  await formReady(page);
  await page.getByRole("button", { name: "Reset to example" }).click();
  await expect(page.getByLabel("Interest rate (%)")).toHaveValue("4.5");
  await expect(page.getByTestId("headline")).toHaveCount(0);
  await expect(page.getByText("Press Calculate to see the result.")).toBeVisible();
  await expect(page).toHaveURL(/\/calculators\/monthly-payment$/);

  // Reset on the plain page: the example's result comes back with its inputs.
  await page.goto("/calculators/monthly-payment");
  await fill(page, "Interest rate (%)", "6");
  await calculate(page);
  await expect(page.getByTestId("headline")).toHaveText("$2,398.20");
  await page.getByRole("button", { name: "Reset to example" }).click();
  await expect(page.getByTestId("headline")).toHaveText("$2,026.74");
  await expect(page.getByText("An example with the demo loan")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveCount(0);
});

test("the chart is a static picture with the page, even without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/calculators/monthly-payment");
  await chartDrawn(page, "chart-schedule");
  const picture = page.getByTestId("chart-schedule").locator("[data-static-chart]");
  // Thirty years of stacked principal and interest, the balance line, money on both axes, the legend.
  await expect(picture.locator("svg rect")).toHaveCount(60);
  await expect(picture).toContainText("$0");
  await expect(picture).toContainText("Year");
  await expect(picture.getByText("Principal", { exact: true })).toBeVisible();
  await expect(page.getByTestId("chart-schedule").locator("figcaption")).toContainText("over 30 years");
  await context.close();
});

test("recharts loads only when the reader points at the chart, then shows values on hover", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/calculators/monthly-payment");
  await formReady(page);
  await page.waitForLoadState("networkidle");
  await chartDrawn(page, "chart-schedule");
  const loadedWithPage = scripts.length;
  await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
  // The picture's axis labels (left, right, bottom), to compare with the drawing's.
  const chart = page.getByTestId("chart-schedule");
  const sorted = (texts: string[]) => texts.map((t) => t.trim()).sort();
  const pictureAxes = await Promise.all(
    [".col-start-1.row-start-2 span", ".col-start-3.row-start-2 span", ".col-start-2.row-start-3 span"].map(async (sel) => sorted(await chart.locator(`[data-static-chart] ${sel}`).allTextContents())),
  );

  await chartGoesInteractive(page, "chart-schedule");
  expect(scripts.length, "the interactive chart's code arrives on demand").toBeGreaterThan(loadedWithPage);
  // Nothing moves when the picture gives way: the drawing has the very same axes.
  const ticks = async (axis: string, n: number) => sorted(await chart.locator(axis).nth(n).locator(".recharts-cartesian-axis-tick-value").allTextContents());
  await expect.poll(async () => [await ticks(".recharts-yAxis-tick-labels", 0), await ticks(".recharts-yAxis-tick-labels", 1), await ticks(".recharts-xAxis-tick-labels", 0)]).toEqual(pictureAxes);
  await expect(page.getByTestId("chart-schedule").locator(".recharts-tooltip-wrapper")).toContainText(/Year \d+/);

  // A new result redraws the interactive chart in place.
  await fill(page, "Loan term (years)", "15");
  await calculate(page);
  await expect(page.getByTestId("chart-schedule").locator(".recharts-bar-rectangle")).toHaveCount(30);
});

test("bad input is answered next to the field, and nothing changes", async ({ page }) => {
  await page.goto("/calculators/monthly-payment?principal=250000&ratePercent=5&termYears=15");
  const before = await page.getByTestId("headline").innerText();
  await fill(page, "Loan amount ($)", "-5");
  await fill(page, "Loan term (years)", "Infinity");
  await page.getByRole("button", { name: "Calculate" }).click();
  await expect(page.getByText("Enter a principal between 1,000 and 100,000,000")).toBeVisible();
  await expect(page.getByText("Enter a loan term between 1 and 50 whole years")).toBeVisible();
  await expect(page.getByLabel("Loan amount ($)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Loan amount ($)")).toBeFocused();
  await expect(page.getByTestId("headline")).toHaveText(before);
  await expect(page).toHaveURL(/principal=250000&ratePercent=5&termYears=15$/);

  // A shared link with a bad value shows the message and no result.
  await page.goto("/calculators/monthly-payment?principal=NaN&ratePercent=5&termYears=15");
  await expect(page.getByText("Enter a principal between 1,000 and 100,000,000")).toBeVisible();
  await expect(page.getByTestId("headline")).toHaveCount(0);
});

test("a result the inputs no longer match is marked as such, at full contrast, until Calculate brings a new one", async ({ page }) => {
  const invalidNote = "This result is for your last valid inputs. Correct the highlighted fields to update it.";
  const editedNote = "You changed the inputs. Press Calculate to update this result.";
  await page.goto("/calculators/monthly-payment?principal=250000&ratePercent=5&termYears=15");
  await formReady(page);
  const result = page.getByRole("region", { name: "Result" });
  const body = page.getByTestId("result-body");
  const note = page.getByTestId("result-stale");
  const before = await page.getByTestId("headline").innerText();
  await expect(note).toHaveCount(0);
  await expect(body).not.toHaveAttribute("data-stale");

  // Typing a new value marks the result as not yet updated; typing the old value back unmarks it.
  await fill(page, "Interest rate (%)", "6");
  await expect(note).toHaveText(editedNote);
  await expect(body).toHaveAttribute("data-stale", "true");
  // Marked, not dimmed: it may stay on screen, and dimmed text would fall below AA contrast.
  await expect(body).toHaveCSS("opacity", "1");
  await fill(page, "Interest rate (%)", "5");
  await expect(note).toHaveCount(0);
  await expect(body).not.toHaveAttribute("data-stale");

  // Invalid inputs: the errors are beside the fields, and the old result stays, marked, saying whose it is.
  await fill(page, "Loan amount ($)", "500");
  await fill(page, "Interest rate (%)", "abc");
  await fill(page, "Loan term (years)", "0");
  await page.getByRole("button", { name: "Calculate" }).click();
  for (const label of ["Loan amount ($)", "Interest rate (%)", "Loan term (years)"]) await expect(page.getByLabel(label)).toHaveAttribute("aria-invalid", "true");
  await expect(note).toHaveText(invalidNote);
  await expect(page.getByTestId("headline")).toHaveText(before);
  await expect(body).toHaveAttribute("data-stale", "true");
  await expect(result).toHaveAccessibleDescription(invalidNote);
  // Said once, politely, by the result's one status region (the line itself is no live region).
  await expect(result.locator('[role="status"], [aria-live]')).toHaveCount(1);
  await expect(result.getByRole("status")).toHaveText(invalidNote);

  // Corrected and calculated: a new result, no mark.
  await fill(page, "Loan amount ($)", "300000");
  await fill(page, "Interest rate (%)", "7");
  await fill(page, "Loan term (years)", "15");
  await calculate(page);
  await expect(page).toHaveURL(/principal=300000&ratePercent=7&termYears=15$/);
  // (A visitor's first calculation sets a cookie and the router refreshes the page: the inputs stay.)
  await expect(page.getByLabel("Loan amount ($)")).toHaveValue("300000");
  await expect(page.getByTestId("save-status")).toBeVisible();
  await expect(page.getByRole("button", { name: "Calculate" })).toBeFocused();
  await expect(note).toHaveCount(0);
  await expect(body).not.toHaveAttribute("data-stale");
  await expect(page.getByTestId("headline")).not.toHaveText(before);
  await expect(result.getByRole("status")).toContainText("Result updated");
});

test("after a result, focus is back on Calculate (disabled while it ran), not lost to the page", async ({ page }) => {
  await page.goto("/calculators/monthly-payment");
  await fill(page, "Loan term (years)", "20");
  await calculate(page);
  await expect(page.getByRole("button", { name: "Calculate" })).toBeFocused();
});

test("amortization: extra principal shortens the loan; yearly table; CSV schedule", async ({ page }) => {
  await page.goto("/calculators/amortization");
  await fill(page, "Extra principal each month ($)", "500");
  await calculate(page);
  await expect(page).toHaveURL(/extraMonthlyPrincipal=500/);
  await expect(page.getByText(/sooner/)).toBeVisible();
  const yearly = page.getByRole("table", { name: "Totals per year of the schedule" });
  await expect(yearly).toBeVisible();
  const years = await yearly.locator("tbody tr").count();
  expect(years).toBeGreaterThan(15);
  expect(years).toBeLessThan(30);
  await expectSameAfterReload(page, "chart-schedule");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download schedule (CSV)" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("month,payment,interest,principal,extra_principal,balance");
  const rows = csv.slice(1, -1).map((line) => line.split(","));
  // Paid off early: fewer than 360 payments, the balance ends at exactly 0.00, and the principal column repays the loan.
  expect(rows.length).toBeLessThan(360);
  expect(rows[rows.length - 1]![5]).toBe("0.00");
  const principalPaid = rows.reduce((sum, r) => sum + Math.round(Number(r[3]) * 100), 0);
  expect(principalPaid).toBe(400_000 * 100);

  await page.getByText("Show every monthly payment").click();
  await expect(page.getByRole("table", { name: "Monthly amortization schedule" }).locator("tbody tr")).toHaveCount(rows.length);
});

test("target rate: finds a rate for a reachable payment and says so when none is", async ({ page }) => {
  await page.goto("/calculators/target-rate");
  await fill(page, "Target monthly payment ($)", "1800");
  await calculate(page);
  await expect(page.getByTestId("headline")).toHaveText(/^\d+\.\d+%$/);
  // The quotable rate leads; the exact one says it is where the payment equals the target.
  const quotable = Number((await page.getByTestId("headline").innerText()).replace("%", ""));
  const exact = Number((await stat(page, "Exact rate for your target").first().innerText()).replace("%", ""));
  expect(quotable).toBeLessThanOrEqual(exact);
  expect(exact - quotable).toBeLessThan(0.125);
  await expect(stat(page, "Target rate").nth(1)).toContainText("0.125% steps");
  await expect(stat(page, "Exact rate for your target").nth(1)).toContainText("exactly $1,800.00");
  // The caption names today's average once, with its rate and source in one bracket.
  await expect(page.getByTestId("chart-payment-by-rate").locator("figcaption")).toHaveText(/red line: the latest 30-year average \(\d+\.\d+%, Freddie Mac PMMS, week of [^)]+\)\.$/);
  await chartDrawn(page, "chart-payment-by-rate");
  await expectSameAfterReload(page, "chart-payment-by-rate");

  // 364,631.66 over 30 years is $1,012.87 a month even at 0 %.
  await fill(page, "Target monthly payment ($)", "900");
  await calculate(page);
  await expect(page.getByTestId("headline")).toHaveText("No rate reaches this payment");
});

test("break-even: the month refinancing pays off, as two crossing cost lines", async ({ page }) => {
  await page.goto("/calculators/break-even");
  await fill(page, "New rate (%)", "3.5");
  await calculate(page);
  await expect(page.getByTestId("headline")).toHaveText(/^Month \d+$/);
  await chartDrawn(page, "chart-break-even");
  await expectSameAfterReload(page, "chart-break-even");

  // A higher new rate never pays off.
  await fill(page, "New rate (%)", "6");
  await fill(page, "New loan term (years)", "25");
  await calculate(page);
  await expect(page.getByTestId("headline")).toHaveText("Never");
});

test("refinance savings: monthly and lifetime savings with the interest comparison", async ({ page }) => {
  await page.goto("/calculators/refinance-savings");
  await fill(page, "Closing costs ($)", "7500");
  await calculate(page);
  await expect(page.getByTestId("headline")).toHaveText(/^\$[\d,]+\.\d\d$/);
  await chartDrawn(page, "chart-savings");
  await expectSameAfterReload(page, "chart-savings");
  await expect(page.getByLabel("Closing costs ($)")).toHaveValue("7500");
});

test("refinance savings: a refinance that costs more is said in words, with no minus signs", async ({ page }) => {
  // 150 payments left at 7.125 %, into a new 30-year loan at 6 %: a lower payment, for 17.5 more years.
  await page.goto("/calculators/refinance-savings");
  await fill(page, "Current balance ($)", "161613.01");
  await fill(page, "Current rate (%)", "7.125");
  await fill(page, "Payments left (months)", "150");
  await fill(page, "New rate (%)", "6");
  await fill(page, "New loan term (years)", "30");
  await fill(page, "Closing costs ($)", "4000");
  await calculate(page);
  await expect(page.locator("dt", { hasText: "Monthly savings" })).toBeVisible();
  await expect(page.locator("dt", { hasText: "Lifetime interest savings" })).toHaveCount(0);
  // The extra cost is the new loan's interest and costs beyond the interest left on the current one.
  const extra = cents(await stat(page, "Costs more over the loan's life").first().innerText());
  const kept = cents(await stat(page, "Interest left on current loan").first().innerText());
  const refinanced = cents(await stat(page, "New loan interest \\+ costs").first().innerText());
  expect(extra).toBe(refinanced - kept);
  await expect(stat(page, "Costs more over the loan's life").nth(1)).toHaveText("Than keeping your loan, closing costs included");

  // A dearer new loan: the monthly figure turns into a rise, and the lifetime one stays in words too.
  await fill(page, "New rate (%)", "9");
  await fill(page, "New loan term (years)", "10");
  await calculate(page);
  await expect(page.getByText("Monthly payment rises by")).toBeVisible();
  await expect(page.getByTestId("headline")).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByRole("region", { name: "Result" }).locator("dl")).not.toContainText(/[−-]\$/);
});

test("efficient frontier: the homeowner's offer is placed below or above the line", async ({ page }) => {
  await page.goto("/calculators/efficient-frontier");
  await fill(page, "Rate you are offered (%)", "3");
  await calculate(page);
  await expect(page.getByTestId("headline")).toHaveText("Refinancing pays less interest");
  await chartDrawn(page, "chart-frontier");
  await expect(page.getByTestId("chart-frontier")).toContainText(/No rate helps after month \d+/);
  await expectSameAfterReload(page, "chart-frontier");

  await fill(page, "Rate you are offered (%)", "9");
  await calculate(page);
  await expect(page.getByTestId("headline")).toHaveText("Refinancing pays more interest");
});

test("the page refreshed after a calculation keeps its inputs and result, on a page opened from a result's address", async ({ page }) => {
  // A first calculation sets this browser's history cookie, which makes the router refresh the page.
  await page.goto("/calculators/monthly-payment?principal=250000&ratePercent=5&termYears=15");
  await formReady(page);
  await fill(page, "Loan amount ($)", "310000");
  const refreshed = page
    .waitForResponse((r) => r.request().method() === "GET" && Boolean(r.request().headers()["rsc"]) && r.url().includes("/calculators/monthly-payment"), { timeout: 8_000 })
    .catch(() => null); // (no refresh at all would be fine too)
  await calculate(page);
  // Not response.finished(): the browser sometimes sees the end of a streamed RSC response only
  // ~30 s later. Its payload is applied as it arrives; a second is ample for a swap to show.
  if (await refreshed) await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(/principal=310000/);
  await expect(page.getByLabel("Loan amount ($)")).toHaveValue("310000");
  await expect(page.getByTestId("save-status")).toBeVisible();
  await expect(page.getByRole("button", { name: "Calculate" })).toBeFocused();
  await expect(page.getByText("An example with the demo loan")).toHaveCount(0);
});
