import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { linkFrom, waitForMail } from "./support/mail";
import { createUser, signIn } from "./support/users";

// The whole account journey through the UI, with real emails captured from SMTP.

/**
 * Signs out once the page is idle, so the click lands on a hydrated button rather than racing
 * the page's own after-load requests. (proxy.ts only reads the session cookie, never writes it,
 * so a request still in flight cannot put the cookie back after sign-out.)
 */
async function signOut(page: import("@playwright/test").Page) {
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.waitForLoadState("networkidle");
}
test("register, verify by email, sign in and out, change the theme, reset the password", async ({ page }) => {
  const email = `e2e-acct-${randomBytes(5).toString("hex")}@example.com`;
  const password = "maple lantern harbor 42";

  // Sign-up keeps what was typed (except passwords) next to a field message.
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Avery Homeowner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Name")).toHaveValue("Avery Homeowner");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  // The next steps replace the form, heading and all, and reading starts there.
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Create your Refi Alert account" })).toHaveCount(0);

  // The emailed link verifies the address.
  const verification = await waitForMail(email);
  await page.goto(linkFrom(verification, "/verify-email?token="));
  await expect(page.getByRole("heading", { name: "Your email is confirmed" })).toBeVisible();

  await signIn(page, email, password);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Avery Homeowner");
  await expect(page.getByText("Please verify your email address")).toHaveCount(0);

  await signOut(page);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings/);
  await signIn(page, email, password, "/settings");

  // A preference applies at once and sticks across page loads (the theme cookie).
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.getByLabel("Theme").selectOption("dark");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByLabel("Theme")).toHaveValue("dark");

  // Forgot password: the emailed link sets a new one and ends this session.
  await signOut(page);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account uses that address")).toBeVisible();
  const reset = await waitForMail(email, 2);
  await page.goto(linkFrom(reset, "/reset-password?token="));
  const newPassword = "copper window orchard 7";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  // The old password no longer works; the new one does, and the link cannot be used twice.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await signIn(page, email, newPassword);
  // Signing in applied the stored theme.
  await expect(page.locator("html")).toHaveClass(/dark/);
  const notice = await waitForMail(email, 3);
  expect(notice.raw).toContain("Your Refi Alert password was changed");
  await page.goto(linkFrom(reset, "/reset-password?token="));
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
});

test("an unverified user sees the banner and can ask for a new link (with a cooldown)", async ({ page }) => {
  const email = `e2e-unv-${randomBytes(5).toString("hex")}@example.com`;
  const password = "quiet signal orchard 9";
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Rowan");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await waitForMail(email);

  await signIn(page, email, password, "/alerts/new");
  // One banner above the page asks for it; the page itself says what verifying unlocks.
  await expect(page.getByText(/Please verify your email address/)).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Verify your email to create alerts" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create alert" })).toHaveCount(0);
  await page.getByRole("link", { name: "send a new link" }).click();
  await expect(page).toHaveURL(/\/verify-email$/);
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByText(/You can ask for another in \d+ seconds/)).toBeVisible();
});

test("signing out everywhere ends the session in the other browser too, which is told why", async ({ page, browser, baseURL }) => {
  const user = await createUser();
  const phone = await browser.newContext({ baseURL });
  const phonePage = await phone.newPage();
  await signIn(phonePage, user.email, user.password, "/mortgages");
  await signIn(page, user.email, user.password, "/settings");

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedout=everywhere$/);
  await expect(page.getByText("You were signed out on every device.")).toBeVisible();

  // The phone still holds its cookie; its next page says the session ended and signs it back in there.
  await phonePage.goto("/alerts");
  await expect(phonePage).toHaveURL(/\/sign-in\?next=%2Falerts&ended=1$/);
  await expect(phonePage.getByText(/Your session on this device has ended/)).toBeVisible();
  await phonePage.getByLabel("Email").fill(user.email);
  await phonePage.getByLabel("Password", { exact: true }).fill(user.password);
  await phonePage.getByRole("button", { name: "Sign in" }).click();
  await expect(phonePage).toHaveURL(/\/alerts$/);
  await phone.close();
});

test("signing out ends that session for any copy of its cookie, and only that session", async ({ page, browser, baseURL }) => {
  const user = await createUser();
  const phone = await browser.newContext({ baseURL });
  const phonePage = await phone.newPage();
  await signIn(phonePage, user.email, user.password, "/mortgages");
  await signIn(page, user.email, user.password, "/dashboard");

  // Someone copies this browser's cookies, then the owner signs out here.
  const copy = await browser.newContext({ baseURL });
  const copied = await page.context().cookies();
  await copy.addCookies(copied);
  const copyPage = await copy.newPage();
  await copyPage.goto("/settings");
  await expect(copyPage).toHaveURL(/\/settings$/);
  await signOut(page);

  // Auth.js's session endpoint (asked by the public header) no longer renews the copy: it
  // answers "not signed in" and clears the cookie, instead of extending it another 30 days.
  const renewal = await copyPage.request.get("/api/auth/session");
  expect(await renewal.json()).toBeNull();
  expect(renewal.headers()["set-cookie"] ?? "").toMatch(/authjs\.session-token=;/);
  await copy.addCookies(copied); // the copy as it was taken, whatever the endpoint cleared
  await copyPage.goto("/settings");
  await expect(copyPage).toHaveURL(/\/sign-in\?next=%2Fsettings&ended=1$/);
  // The phone's own session goes on, and is still renewed.
  await phonePage.goto("/alerts");
  await expect(phonePage).toHaveURL(/\/alerts$/);
  expect(await (await phonePage.request.get("/api/auth/session")).json()).toMatchObject({ user: { email: user.email } });
  await copy.close();
  await phone.close();
});

test.describe("on a device set to dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("a new account keeps following the device after signing in and out", async ({ page }) => {
    const email = `e2e-dark-${randomBytes(5).toString("hex")}@example.com`;
    const password = "night owl lantern 77";
    await page.goto("/sign-up");
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.getByLabel("Name").fill("Noor");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Confirm password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

    await signIn(page, email, password, "/settings");
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(page.getByLabel("Theme")).toHaveValue("system");
    await signOut(page);
    await expect(page.locator("html")).toHaveClass(/dark/);
  });
});

test("saving preferences keeps the keyboard where it was: on Save, or on the field to correct", async ({ page }) => {
  const user = await createUser();
  await signIn(page, user.email, user.password, "/settings");
  const threshold = page.getByLabel("Minimum rate drop worth an alert (percentage points)");
  await threshold.fill("9");
  await page.getByRole("button", { name: "Save preferences" }).press("Enter");
  await expect(threshold).toBeFocused();
  await expect(threshold).toHaveAttribute("aria-invalid", "true");
  // Focused, it still looks wrong: not the brand green of a focused field that is fine.
  const brandFocus = "rgb(5, 150, 105)";
  await expect(threshold).not.toHaveCSS("border-top-color", brandFocus);
  await threshold.fill("0.25");
  await page.getByRole("button", { name: "Save preferences" }).press("Enter");
  await expect(page.getByText("Preferences saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save preferences" })).toBeFocused();
  await expect(threshold).toHaveValue("0.25");
  await threshold.focus();
  await expect(threshold).toHaveCSS("border-top-color", brandFocus);
});
