import { expect, type Page } from "@playwright/test";

/**
 * Calculator pages are prerendered: a click before the form is live submits the plain GET form
 * (the result shows but nothing is saved). The form marks itself data-ready once it is live.
 */
export async function formReady(page: Page) {
  await expect(page.locator("form[data-ready]")).toBeAttached();
}

/** A chart's static picture comes with the page (no recharts): its marks and axis labels are drawn. */
export async function chartDrawn(page: Page, testId: string) {
  const figure = page.getByTestId(testId);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator("[data-static-chart] svg").locator("path, rect").first()).toBeVisible();
  await expect(figure.locator("[data-static-chart]")).toContainText(/\d/);
}

/** Pointing at a chart swaps in the interactive recharts drawing, whose tooltip follows the pointer. */
export async function chartGoesInteractive(page: Page, testId: string) {
  const figure = page.getByTestId(testId);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator("[data-chart-stage]").hover();
  await expect(figure.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
  await expect(figure.locator("[data-static-chart]")).toHaveCount(0);
  await figure.locator(".recharts-wrapper").hover({ position: { x: 160, y: 120 } });
  await expect(figure.locator(".recharts-tooltip-wrapper")).toBeVisible();
}
