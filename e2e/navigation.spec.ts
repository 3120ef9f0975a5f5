import { expect, test, type Page } from "@playwright/test";
import { ADMIN_NAV } from "@/components/admin/admin-nav";
import { APP_NAV } from "@/components/app-nav";
import { createUser, e2eSql, signIn } from "./support/users";

test.use({ viewport: { width: 390, height: 844 } });

/** How many pixels wider than the screen the page is (0 or less: it does not scroll sideways). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("on a phone, every link of the app navigation is in view, the current one marked, and Tab never leaves the screen", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user.email, user.password, "/settings");
  const nav = page.getByRole("navigation", { name: "App" });
  expect(await nav.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);
  for (const item of APP_NAV) await expect(nav.getByRole("link", { name: item.label, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  // Keyboard: each link, focused in turn, is fully on screen.
  await nav.getByRole("link", { name: APP_NAV[0]!.label, exact: true }).focus();
  for (const item of APP_NAV) {
    await expect(nav.getByRole("link", { name: item.label, exact: true })).toBeFocused();
    await expect(nav.getByRole("link", { name: item.label, exact: true })).toBeInViewport({ ratio: 1 });
    await page.keyboard.press("Tab");
  }
});

test("on a phone, no page of the app scrolls sideways, and the mortgages list as cards", async ({ page }) => {
  const user = await createUser();
  const sql = e2eSql();
  try {
    await sql`
      INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term, lender_name)
      VALUES (${user.id}, 'Juniper Row townhouse', '30306', 42000000, 360, 6.875, 40100000, 331, 'Peachtree Federal Credit Union')`;
    await sql`
      INSERT INTO mortgage_tracking (mortgage_id, current_rate, current_remaining_term, current_remaining_principal_cents, recorded_on)
      SELECT id, 6.875, 331, 40100000, '2026-06-01' FROM mortgages WHERE user_id = ${user.id}`;
  } finally {
    await sql.end();
  }
  await signIn(page, user.email, user.password);
  for (const { href: path } of APP_NAV) {
    await page.goto(path);
    const sideways = await sidewaysScroll(page);
    expect(sideways, `${path} scrolls sideways by ${sideways}px`).toBeLessThanOrEqual(0);
  }
  // The public pages too, with the signed-in header (its Dashboard button is wider than "Sign in"), down to 320 px.
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of ["/", "/rates", "/calculators", "/pricing"]) {
      await page.goto(path);
      await expect(page.getByRole("banner").getByRole("link", { name: "Dashboard", exact: true })).toBeVisible();
      const sideways = await sidewaysScroll(page);
      expect(sideways, `${path} at ${width}px scrolls sideways by ${sideways}px`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });

  // The mortgages table is wider than a phone: there they are cards, each with its actions in view.
  await page.goto("/mortgages");
  await expect(page.getByRole("table", { name: "Your mortgages" })).toBeHidden();
  const item = page.getByRole("list", { name: "Your mortgages" }).getByRole("listitem").filter({ hasText: "Juniper Row townhouse" });
  await expect(item).toContainText("$401,000");
  await expect(item.getByRole("link", { name: "Edit Juniper Row townhouse" })).toBeInViewport({ ratio: 1 });
  await expect(item.getByRole("button", { name: "Delete Juniper Row townhouse" })).toBeInViewport({ ratio: 1 });
  // So are the recorded balances, each with its Remove in view.
  await item.getByRole("link", { name: "Juniper Row townhouse", exact: true }).click();
  const balance = page.getByRole("list", { name: "Recorded balances" }).getByRole("listitem");
  await expect(balance).toContainText("$401,000.00");
  // Below the chart: scrolled down to, it is wholly on screen (nothing to its right off the edge).
  const remove = balance.getByRole("button", { name: /^Remove the balance of / });
  await remove.scrollIntoViewIfNeeded();
  await expect(remove).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("table", { name: "Recorded balances" })).toBeHidden();
  // From sm up, the tables.
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(page.getByRole("table", { name: "Recorded balances" })).toBeVisible();
  await page.goto("/mortgages");
  await expect(page.getByRole("table", { name: "Your mortgages" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your mortgages" })).toBeHidden();
});

test("on a phone, no admin page scrolls sideways either", async ({ page }) => {
  const admin = await createUser({ role: "admin" });
  await signIn(page, admin.email, admin.password, "/admin");
  for (const { href: path } of ADMIN_NAV) {
    await page.goto(path);
    const sideways = await sidewaysScroll(page);
    expect(sideways, `${path} scrolls sideways by ${sideways}px`).toBeLessThanOrEqual(0);
  }
});
