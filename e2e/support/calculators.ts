import { expect, type Page } from "@playwright/test";

/**
 * Calculator pages are prerendered: a click before the form is live submits the plain GET form
 * (the result shows but nothing is saved). The form marks itself data-ready once it is live.
 */
export async function formReady(page: Page) {
  await expect(page.locator("form[data-ready]")).toBeAttached();
}

/** A chart's drawing loads when it comes into view (as for a reader scrolling to it): scroll to it, then see it drawn. */
export async function chartDrawn(page: Page, testId: string) {
  const figure = page.getByTestId(testId);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator(".recharts-wrapper > svg.recharts-surface")).toBeVisible();
}
