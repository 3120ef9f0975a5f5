import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/users";

// README screenshots, from the seeded demo data. Run by playwright.screenshots.config.ts only
// (the main suite ignores this file). With SCREENSHOTS=1 the PNGs go to docs/screenshots/;
// otherwise into the test's output folder, so a trial run never rewrites the committed images.
// Each shot first checks the page shows what the caption promises.

const DEMO = {
  homeowner: { email: "homeowner@demo.refialert.test", password: "harbor-maple-lantern" },
  paid: { email: "paid@demo.refialert.test", password: "copper-river-window" },
  admin: { email: "admin@demo.refialert.test", password: "granite-harbor-beacon" },
};

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };

async function shoot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  await page.waitForLoadState("networkidle");
  // Let chart animations finish and hide the text caret, so shots are stable.
  await page.addStyleTag({ content: "*{caret-color:transparent !important}" });
  await page.waitForTimeout(800);
  const file = process.env.SCREENSHOTS === "1" ? path.join("docs", "screenshots", `${name}.png`) : test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false, animations: "disabled" });
}

async function theme(page: Page, value: "light" | "dark") {
  await page.context().addCookies([{ name: "theme", value, url: test.info().project.use.baseURL! }]);
}

const chart = (page: Page, testId: string) => page.getByTestId(testId).locator(".recharts-wrapper > svg.recharts-surface").first();

test.describe("README screenshots", () => {
  test.use({ viewport: DESKTOP, colorScheme: "light" });

  test("landing page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await shoot(page, "landing");
  });

  test("landing page on a phone", async ({ page }) => {
    await page.setViewportSize(MOBILE);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await shoot(page, "landing-mobile");
  });

  test("rates chart", async ({ page }) => {
    await page.goto("/rates");
    await expect(chart(page, "rates-chart")).toBeVisible();
    await page.getByTestId("rates-chart").scrollIntoViewIfNeeded();
    await shoot(page, "rates");
  });

  test("calculator with its chart, dark mode", async ({ page }) => {
    await theme(page, "dark");
    await page.goto("/calculators/refinance-savings");
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(page.getByTestId("headline")).toBeVisible();
    await expect(page.locator(".recharts-wrapper > svg.recharts-surface").first()).toBeVisible();
    await shoot(page, "calculator-dark", { fullPage: true });
  });

  test("homeowner dashboard", async ({ page }) => {
    await signIn(page, DEMO.homeowner.email, DEMO.homeowner.password);
    await expect(page.getByTestId("mortgage-card").first()).toBeVisible();
    await shoot(page, "dashboard", { fullPage: true });
  });

  test("an alert", async ({ page }) => {
    await signIn(page, DEMO.paid.email, DEMO.paid.password, "/alerts");
    await page.locator('main a[href^="/alerts/"]:not([href$="/new"])').first().click();
    await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await shoot(page, "alert", { fullPage: true });
  });

  test("admin overview", async ({ page }) => {
    await signIn(page, DEMO.admin.email, DEMO.admin.password, "/admin");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await shoot(page, "admin", { fullPage: true });
  });
});
