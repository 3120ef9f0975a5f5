import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./support/users";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone, the app navigation scrolls sideways to show the current page's link", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user.email, user.password, "/settings");
  const nav = page.getByRole("navigation", { name: "App" });
  // The row is wider than the phone: Settings, its last link, starts off-screen unless scrolled to.
  expect(await nav.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const settings = nav.getByRole("link", { name: "Settings" });
  await expect(settings).toHaveAttribute("aria-current", "page");
  await expect(settings).toBeInViewport({ ratio: 1 });
  // Only the row scrolled, not the page.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // Back to the first link on a full page load: the row follows.
  await page.goto("/dashboard");
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeInViewport({ ratio: 1 });
  await expect(settings).not.toBeInViewport();
});
