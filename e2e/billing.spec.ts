import { expect, test, type Page } from "@playwright/test";
import { waitForMail } from "./support/mail";
import { createUser, e2eSql, signIn, type TestUser } from "./support/users";

/** A verified homeowner with one mortgage and one alert (rows inserted directly: fixtures only). */
async function homeownerWithAlert(opts: { verified?: boolean } = {}): Promise<TestUser & { alertId: string }> {
  const user = await createUser(opts);
  const sql = e2eSql();
  try {
    const [m] = await sql<{ id: string }[]>`
      INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term)
      VALUES (${user.id}, 'Maple Street home', '60614', 40000000, 360, 7.125, 39000000, 340) RETURNING id`;
    const [a] = await sql<{ id: string }[]>`
      INSERT INTO alerts (user_id, mortgage_id, alert_type, target_interest_rate, target_term)
      VALUES (${user.id}, ${m!.id}, 'interest_rate', 5.5, 360) RETURNING id`;
    return { ...user, alertId: a!.id };
  } finally {
    await sql.end();
  }
}

async function startCheckout(page: Page) {
  const card = page.getByTestId("awaiting-alert").filter({ hasText: "Maple Street home" });
  await expect(card.getByText("$120.00 a year")).toBeVisible();
  await card.getByRole("button", { name: "Activate alert" }).click();
  await expect(page.getByRole("heading", { name: /Subscribe to/ })).toBeVisible();
  await expect(page.getByText("$120.00", { exact: true })).toBeVisible();
}

async function payWith(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Dana Homeowner");
  await page.getByRole("button", { name: /Subscribe/ }).click();
}

test("a verified homeowner activates an alert, pays, sees it active with its invoice, then cancels at period end", async ({ page }) => {
  const user = await homeownerWithAlert();
  await signIn(page, user.email, user.password, "/billing");
  await expect(page.getByRole("heading", { name: "No paid alerts yet" })).toBeVisible();
  // The empty state quotes the prices checkout charges (the admin can change them).
  await expect(page.getByText("Each alert is monitored for $120.00 a year or $12.00 a month.")).toBeVisible();

  await startCheckout(page);
  await payWith(page, "4242 4242 4242 4242");

  await expect(page).toHaveURL(/\/billing\/success\?session_id=cs_/);
  await expect(page.getByRole("heading", { name: "Your alert is active" })).toBeVisible();
  await expect(page.getByTestId("paid-alert")).toHaveText("AlertMaple Street home: Rate at or below 5.50%");
  await expect(page.getByText("$120.00 / year")).toBeVisible();

  await page.getByRole("link", { name: "Billing and invoices" }).click();
  const sub = page.getByTestId("subscription");
  await expect(sub.getByText("Active", { exact: true })).toBeVisible();
  await expect(sub.getByText("Renews on")).toBeVisible();
  const invoice = page.getByTestId("invoice");
  await expect(invoice).toHaveCount(1);
  await expect(invoice.getByText("Paid")).toBeVisible();
  await expect(invoice.getByText("$120.00")).toBeVisible();
  await expect(invoice.getByRole("link", { name: /PDF/ })).toHaveAttribute("href", /\.pdf$/);
  await expect(page.getByTestId("awaiting-alert")).toHaveCount(0);

  const receipt = await waitForMail(user.email);
  expect(receipt.raw).toContain("Receipt for your Refi Alert payment of $120.00");

  const renewal = await sub.getByTestId("period-date").textContent();
  await sub.getByRole("button", { name: /Cancel at period end/ }).click();
  await expect(sub.getByRole("status")).toContainText(`Your subscription will end on ${renewal}`);
  await expect(sub.getByText("Ends on")).toBeVisible();
  await expect(sub.getByTestId("period-date")).toHaveText(renewal!);
  await expect(sub.getByText("Ends at period end")).toBeVisible();

  // The alert's own page says what it costs and when it stops, with the way to billing.
  await page.goto(`/alerts/${user.alertId}`);
  await expect(page.getByTestId("alert-billing")).toContainText(`Subscription: $120.00 a year, ends on ${renewal} with no further charge.`);
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible(); // paid, so watching: it can be paused
  await page.getByTestId("alert-billing").getByRole("link", { name: "Manage billing" }).click();

  await expect(page.getByTestId("subscription").getByText("Ends on")).toBeVisible();
  await page.getByTestId("subscription").getByRole("button", { name: /Resume subscription/ }).click();
  await expect(page.getByTestId("subscription").getByText("Renews on")).toBeVisible();
  await page.goto(`/alerts/${user.alertId}`);
  await expect(page.getByTestId("alert-billing")).toContainText(`Subscription: $120.00 a year, renews on ${renewal}.`);
  // The dashboard calls it what the alerts page does.
  await page.goto("/dashboard");
  await expect(page.getByTestId("mortgage-card").getByText("Monitoring", { exact: true })).toBeVisible();
});

test("a declined card leaves the alert unpaid with the card's message", async ({ page }) => {
  const user = await homeownerWithAlert();
  await signIn(page, user.email, user.password, "/billing");
  await startCheckout(page);
  await payWith(page, "4000 0000 0000 0002");
  await expect(page.getByRole("alert")).toHaveText("Your card was declined.");

  await page.goto("/billing");
  await expect(page.getByTestId("subscription")).toHaveCount(0);
  await expect(page.getByTestId("awaiting-alert").getByRole("button", { name: "Activate alert" })).toBeVisible();
  await expect(page.getByText("No invoices yet.")).toBeVisible();
});

test("an unverified homeowner is asked to verify before activating", async ({ page }) => {
  const user = await homeownerWithAlert({ verified: false });
  await signIn(page, user.email, user.password, "/billing");
  const card = page.getByTestId("awaiting-alert");
  await expect(card.getByText("Verify your email address to activate this alert.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Activate alert" })).toHaveCount(0);
});

test("leaving checkout says nothing was charged and offers to try again", async ({ page }) => {
  const user = await homeownerWithAlert();
  await signIn(page, user.email, user.password, "/billing");
  await startCheckout(page);
  await page.getByRole("link", { name: "Cancel", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/billing/cancel\\?alert=${user.alertId}$`));
  await expect(page.getByText("Nothing was charged.")).toBeVisible();
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page).toHaveURL(new RegExp(`/alerts/${user.alertId}$`));
  await expect(page.getByRole("button", { name: "Activate alert" })).toBeVisible();
});
