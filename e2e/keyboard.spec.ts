import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { formReady } from "./support/calculators";

// Keyboard only: no clicks, no fill(). Tab / Shift+Tab move focus, typing enters values,
// Enter / Space activate. Every stop must show a visible focus indicator.

type Focused = { tag: string; label: string; visible: boolean };

/** What has focus now: its tag, accessible-ish name, and whether a focus indicator is drawn. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: "body", label: "", visible: false };
    const input = el as HTMLInputElement;
    const label =
      el.getAttribute("aria-label") ??
      (input.labels && input.labels[0] ? input.labels[0].textContent : null) ??
      el.textContent ??
      "";
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    const ring = s.boxShadow !== "none" && s.boxShadow !== "";
    return { tag: el.tagName.toLowerCase(), label: label.replace(/\s+/g, " ").trim(), visible: el.matches(":focus-visible") && (outline || ring) };
  });
}

/** Presses Tab until the focused element's label matches, checking every stop on the way is visibly focused. */
async function tabTo(page: Page, label: RegExp, max = 40): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    expect(f.tag, "focus never falls back to the page body").not.toBe("body");
    expect(f.visible, `focus indicator on <${f.tag}> "${f.label}"`).toBe(true);
    if (label.test(f.label)) return f;
  }
  throw new Error(`Tab never reached ${label}`);
}

/** One Tab forward: the next stop must be exactly `label` (the order of the form). */
async function nextIs(page: Page, label: RegExp) {
  await page.keyboard.press("Tab");
  const f = await focused(page);
  expect(f.label).toMatch(label);
  expect(f.visible, `focus indicator on "${f.label}"`).toBe(true);
}

test("sign up using only the keyboard", async ({ page }) => {
  const email = `e2e-kbd-${randomBytes(5).toString("hex")}@example.com`;
  const password = "lantern harbor maple 77";
  await page.goto("/sign-up");
  await page.waitForLoadState("networkidle");

  // The first stop is the skip link, then the header; the form follows in reading order.
  await tabTo(page, /^Name$/);
  await page.keyboard.type("Kit Keyboard");
  await nextIs(page, /^Email$/);
  await page.keyboard.type(email);
  await nextIs(page, /^Password$/);
  await page.keyboard.type(password);
  await nextIs(page, /^Confirm password$/);
  await page.keyboard.type("a different password");
  await nextIs(page, /^Create account$/);

  // Shift+Tab goes back the same way.
  await page.keyboard.press("Shift+Tab");
  expect((await focused(page)).label).toBe("Confirm password");
  await page.keyboard.press("Tab");

  // A mismatch is reported next to the field, and the field can be corrected by keyboard.
  await page.keyboard.press("Enter");
  const confirm = page.getByLabel("Confirm password");
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveValue(email);

  // Back to the password fields (passwords are never echoed back) and retype both.
  await page.keyboard.press("Shift+Tab"); // from wherever focus is, walk back to Password
  const back = async (label: RegExp) => {
    for (let i = 0; i < 10; i++) {
      if (label.test((await focused(page)).label)) return;
      await page.keyboard.press("Shift+Tab");
    }
    throw new Error(`Shift+Tab never reached ${label}`);
  };
  await back(/^Password$/);
  await page.keyboard.type(password);
  await nextIs(page, /^Confirm password$/);
  await page.keyboard.type(password);
  await nextIs(page, /^Create account$/);
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
});

test("run the monthly payment calculator using only the keyboard", async ({ page }) => {
  await page.goto("/calculators/monthly-payment");
  await formReady(page);

  await tabTo(page, /^Loan amount/);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("300000");
  await nextIs(page, /^Interest rate/);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("7");
  await nextIs(page, /^Loan term/);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("15");
  await nextIs(page, /^Calculate$/);
  await page.keyboard.press("Enter");

  // 300,000 at 7 % over 180 months: $2,696.48 (standard amortization tables).
  await expect(page.getByTestId("headline")).toHaveText("$2,696.48");
  await expect(page).toHaveURL(/principal=300000&ratePercent=7&termYears=15/);

  // Calculate was disabled while it ran: focus comes back to it, visibly, and the form goes on from there.
  await expect(page.getByRole("button", { name: "Calculate" })).toBeFocused();
  expect((await focused(page)).visible, "focus indicator on Calculate").toBe(true);
  await nextIs(page, /^Reset to example$/);
});

for (const reducedMotion of ["no-preference", "reduce"] as const) {
  test(`on a phone-sized screen, Calculate scrolls the result below the form into view and keeps focus (motion: ${reducedMotion})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ reducedMotion });
    await page.goto("/calculators/refinance-savings");
    await formReady(page);
    await tabTo(page, /^New rate/);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("5");
    // Tabbing to Calculate brings it just into view, at the bottom of the screen: the result is below.
    await tabTo(page, /^Calculate$/);
    const heading = page.getByRole("heading", { name: "Result", exact: true });
    await expect(heading).not.toBeInViewport();

    await page.keyboard.press("Enter");
    await expect(page.getByTestId("save-status")).toBeVisible();
    await expect(heading).toBeInViewport();
    await expect(page.getByRole("button", { name: "Calculate" })).toBeFocused();
    expect((await focused(page)).visible, "focus indicator on Calculate").toBe(true);
  });
}

test("reach the interactive chart and step through its values using only the keyboard", async ({ page }) => {
  await page.goto("/calculators/monthly-payment");
  await formReady(page);
  await page.waitForLoadState("networkidle");

  // After the form and its result, the chart offers itself to the keyboard.
  await tabTo(page, /^Explore the chart's values$/);
  // Focus moves into the interactive chart once it is drawn: one stop, announced by its title.
  const surface = page.getByTestId("chart-schedule").locator(".recharts-wrapper > svg.recharts-surface");
  await expect(surface).toBeFocused();
  await expect(surface).toHaveAttribute("role", "application");
  await expect(surface.locator("title")).toContainText("arrow keys");
  expect((await focused(page)).visible, "focus indicator on the chart").toBe(true);

  await page.keyboard.press("ArrowRight");
  const tooltip = page.getByTestId("chart-schedule").locator(".recharts-tooltip-wrapper");
  await expect(tooltip).toBeVisible();
  const first = await tooltip.innerText();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => tooltip.innerText()).not.toBe(first);
  await expect(tooltip).toContainText(/Year \d+/);

  // Tab leaves the chart for what follows it.
  await page.keyboard.press("Tab");
  expect((await focused(page)).label).toMatch(/Download schedule/);
});


test("the rates chart, by keyboard: each week's values are announced as the arrow keys step", async ({ page }) => {
  await page.goto("/rates");
  await page.waitForLoadState("networkidle");
  await tabTo(page, /^Explore the weekly rates in the chart$/, 60);
  const surface = page.getByTestId("rates-chart").locator(".recharts-wrapper > svg.recharts-surface");
  await expect(surface).toBeFocused();

  await page.keyboard.press("ArrowRight");
  // The values sit in a live region (role status), so assistive technology reads each step.
  const spoken = page.getByTestId("rates-chart").getByRole("status");
  await expect(spoken).toContainText(/Week of .+30-year fixed: \d+\.\d+%/s);
  const first = await spoken.innerText();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => spoken.innerText()).not.toBe(first);
});
