import { expect, type Page } from "@playwright/test";

/**
 * Calculator pages are prerendered: a click before the form is live submits the plain GET form
 * (the result shows but nothing is saved). The form marks itself data-ready once it is live.
 */
export async function formReady(page: Page) {
  await expect(page.locator("form[data-ready]")).toBeAttached();
}
