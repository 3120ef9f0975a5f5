import { expect, test, type BrowserContext } from "@playwright/test";
import { formReady } from "./support/calculators";
import { createUser, signIn } from "./support/users";

// The Currency and Date format preferences change how the homeowner's own amounts and dates read,
// on their pages, forms and the calculators, at once after saving; nothing is converted.
test("a homeowner who chooses euros and day-first dates sees them on their pages and forms", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user.email, user.password, "/settings");

  await page.getByLabel("Currency").selectOption({ label: "Euro (€)" });
  await page.getByLabel("Date format").selectOption({ label: "24 Sep 2026 (day first)" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();

  // The form speaks euros, and an amount typed with a euro sign is understood.
  await page.goto("/mortgages/new");
  await expect(page.getByText("€1,000 to €100,000,000")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Canal house");
  await page.getByLabel("ZIP code").fill("94110");
  await page.getByLabel("Original principal (€)").fill("€400,000");
  await page.getByLabel("Original term (years)").fill("30");
  await page.getByLabel("Original interest rate (%)").fill("7.5");
  await page.getByLabel("Origination date").fill("2021-03-15");
  await expect(page.getByText(/^From the schedule as of today: €[\d,]+\.\d\d and \d+ months left\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Add mortgage" }).click();
  await expect(page.getByText("Mortgage added.")).toBeVisible();
  const mortgageUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByText("€400,000.00")).toBeVisible();
  await expect(page.getByText("15 Mar 2021")).toBeVisible();
  await expect(page.getByLabel("Balance (€)")).toBeVisible();

  // The dashboard: the card's amounts in euros, this week's rates dated day first.
  await page.getByRole("link", { name: "Dashboard" }).click();
  const card = page.getByTestId("mortgage-card");
  await expect(card.getByText(/^€[\d,]+\.\d\d$/).first()).toBeVisible();
  await expect(card).not.toContainText("$");
  await expect(page.getByText(/\(week of \d{1,2} [A-Z][a-z]{2} \d{4}\)\.$/)).toBeVisible();

  // The calculators (prerendered, the same for everyone) switch to euros once they know who is reading.
  await page.goto("/calculators/monthly-payment");
  await expect(page.getByLabel("Loan amount (€)")).toBeVisible();
  await expect(page.getByTestId("headline")).toHaveText(/^€[\d,]+\.\d\d$/);
  await page.getByLabel("Loan amount (€)").fill("€300,000");
  await page.getByRole("button", { name: "Calculate" }).click();
  await expect(page).toHaveURL(/principal=300000/);
  await expect(page.getByTestId("headline")).toHaveText(/^€[\d,]+\.\d\d$/);

  // ISO dates and dollars again: the same mortgage reads the new way.
  await page.goto("/settings");
  await page.getByLabel("Currency").selectOption({ label: "US dollar ($)" });
  await page.getByLabel("Date format").selectOption({ label: "2026-09-24 (year first, ISO)" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();
  await page.goto(mortgageUrl);
  await expect(page.getByText("$400,000.00")).toBeVisible();
  await expect(page.getByText("2021-03-15")).toBeVisible();
  await expect(page.getByText("€400,000.00")).toHaveCount(0);
});

/** The calculator as the server sends it, before any script runs: what the reader sees first. */
async function firstPaint(context: BrowserContext, baseUrl: string) {
  const noScript = await context.browser()!.newContext({ storageState: await context.storageState(), javaScriptEnabled: false });
  const page = await noScript.newPage();
  await page.goto(new URL("/calculators/monthly-payment", baseUrl).href);
  const label = await page.getByLabel(/^Loan amount/).evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "");
  const headline = (await page.getByTestId("headline").textContent()) ?? "";
  await noScript.close();
  return { label, headline };
}

test("the prerendered calculators show a homeowner's own currency from the first paint, in each of their browsers", async ({ page, browser, baseURL }) => {
  const user = await createUser();
  await signIn(page, user.email, user.password, "/settings");
  await page.getByLabel("Currency").selectOption({ label: "Euro (€)" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();
  expect(await firstPaint(page.context(), baseURL!)).toEqual({ label: "Loan amount (€)", headline: expect.stringMatching(/^€[\d,]+\.\d\d$/) });

  // Another browser learns it at sign-in…
  const laptop = await browser.newContext({ baseURL });
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, user.email, user.password);
  expect((await firstPaint(laptop, baseURL!)).headline).toMatch(/^€/);

  // …and catches up with a change made elsewhere the next time it opens a calculator.
  await page.getByLabel("Currency").selectOption({ label: "British pound (£)" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();
  await laptopPage.goto("/calculators/monthly-payment");
  await expect(laptopPage.getByLabel("Loan amount (£)")).toBeVisible();
  await expect.poll(async () => (await firstPaint(laptop, baseURL!)).headline).toMatch(/^£/);

  // Signing out forgets it: whoever uses that browser next reads the site's dollars.
  await laptopPage.goto("/dashboard");
  await laptopPage.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(laptopPage).toHaveURL(/\/$/);
  expect(await firstPaint(laptop, baseURL!)).toEqual({ label: "Loan amount ($)", headline: expect.stringMatching(/^\$[\d,]+\.\d\d$/) });
  await laptop.close();
});

test.describe("in a browser in Chicago", () => {
  test.use({ timezoneId: "America/Chicago" });

  test("times of day read in the browser's time zone, named", async ({ page }) => {
    const user = await createUser();
    await signIn(page, user.email, user.password);
    await page.goto("/calculators/monthly-payment");
    await formReady(page);
    await page.getByRole("button", { name: "Calculate" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Saved to your history");

    await page.goto("/history");
    const time = page.getByTestId("history-entry").first().locator("time");
    const at = new Date((await time.getAttribute("datetime"))!);
    // Worked out here with Intl, independently of the app: e.g. "8:05 AM CST".
    const chicago = new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", hour: "numeric", minute: "2-digit", timeZoneName: "short" })
      .format(at)
      .replace(/\s/g, " ");
    expect(chicago).toMatch(/ C[SD]T$/);
    await expect(time).toContainText(chicago);
  });
});

test.describe("in a browser on Kiritimati (UTC+14)", () => {
  test.use({ timezoneId: "Pacific/Kiritimati" });

  test("today is the homeowner's today: the balance form starts on it and accepts it", async ({ page }) => {
    const user = await createUser();
    await signIn(page, user.email, user.password, "/mortgages/new");
    await page.getByLabel("Name", { exact: true }).fill("Lagoon house");
    await page.getByLabel("ZIP code").fill("94110");
    await page.getByLabel("Original principal ($)").fill("300000");
    await page.getByLabel("Original term (years)").fill("30");
    await page.getByLabel("Original interest rate (%)").fill("6");
    await page.getByRole("button", { name: "Add mortgage" }).click();
    await expect(page.getByText("Mortgage added.")).toBeVisible();

    // Worked out here, independently of the app: the date on Kiritimati right now.
    const local = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    await expect(page.getByLabel("Date", { exact: true })).toHaveValue(local);
    await page.getByLabel("Balance ($)").fill("299000");
    await page.getByLabel("Months left").fill("359");
    await page.getByRole("button", { name: "Record balance" }).click();
    await expect(page.getByText("Balance recorded.")).toBeVisible();
  });
});
