import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { todayIso } from "@/lib/mortgages/dates";
import { surveyFreshness } from "@/lib/rates/freshness";
import { createUser, e2eSql, signIn } from "./support/users";

/** Every file named `name` under `dir`, recursively. */
function findFiles(dir: string, name: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out = out.concat(findFiles(full, name));
    else if (entry === name) out.push(full);
  }
  return out;
}

/** app/(admin)/admin/users/[id]/page.tsx -> /admin/users/<uuid>: route groups dropped, params filled in. */
function urlFor(file: string, root: string): string {
  const segments = path
    .relative(root, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (/^\[.*\]$/.test(s) ? randomUUID() : s));
  return `/${segments.join("/")}`;
}

// Built from the files on disk: a new admin page or route is checked without editing this test.
const ADMIN_PAGES = findFiles("app/(admin)", "page.tsx").map((f) => urlFor(f, "app"));
const ADMIN_ROUTES = (() => {
  try {
    return findFiles("app/api/admin", "route.ts").map((f) => urlFor(f, "app"));
  } catch {
    return []; // no admin API routes (yet)
  }
})();

test.describe("admin access control", () => {
  test("the page list covers the whole dashboard", () => {
    for (const p of ["/admin", "/admin/users", "/admin/emails", "/admin/rates", "/admin/pricing"]) expect(ADMIN_PAGES).toContain(p);
  });

  test("a visitor is sent to sign in from every admin page, and gets 401/403 from every admin route", async ({ page, request }) => {
    for (const url of ADMIN_PAGES) {
      await page.goto(url);
      await expect(page, url).toHaveURL(/\/sign-in\?next=/);
    }
    for (const url of ADMIN_ROUTES) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect([401, 403, 307], url).toContain(res.status());
    }
  });

  test("a signed-in homeowner gets 403 on every admin page and route", async ({ page }) => {
    const homeowner = await createUser();
    await signIn(page, homeowner.email, homeowner.password);
    for (const url of ADMIN_PAGES) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" }), url).toBeVisible();
    }
    for (const url of ADMIN_ROUTES) {
      const res = await page.request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(403);
    }
  });
});

/** A survey week as the admin pages write it ("Sep 24, 2026"). */
const weekOf = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** As rates are quoted: at least two decimals, up to three. */
const pct = (n: number) => `${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 3 })}%`;

async function adminSignIn(page: Page) {
  const admin = await createUser({ role: "admin", name: "Avery Admin" });
  await signIn(page, admin.email, admin.password, "/admin");
  return admin;
}

test("an admin sees the overview with its metrics charts", async ({ page }) => {
  await adminSignIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByText("Active subscriptions")).toBeVisible();
  // How current the market data is, from the newest 30-year week the seed loaded.
  const sql = e2eSql();
  const [newest] = await sql<{ date: string }[]>`SELECT max(date)::text AS date FROM mortgage_rates WHERE rate_type = '30_year_fixed'`;
  await sql.end();
  const health = page.getByTestId("rates-health");
  await expect(health.getByText("Newest 30-year survey week")).toBeVisible();
  const { overdue, age } = surveyFreshness(newest!.date, todayIso());
  await expect(health).toContainText(overdue ? `${age} old: a weekly release is overdue` : `${age} old: current`);
  const chart = page.getByTestId("chart-signups");
  await expect(chart.getByRole("heading", { name: "Daily sign-ups" })).toBeVisible();
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  // Today's bar includes at least the admin made for this test.
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(page.getByTestId("chart-mrr").locator("svg.recharts-surface").first()).toBeVisible();
});

test("an admin finds a locked-out user and unlocks them", async ({ page }) => {
  const user = await createUser({ name: "Lockie Locked" });
  const sql = e2eSql();
  try {
    await sql`UPDATE users SET failed_login_attempts = 5, locked_until = now() + interval '1 hour' WHERE id = ${user.id}`;
  } finally {
    await sql.end();
  }
  await adminSignIn(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Email or name").fill(user.email);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: user.email }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lockie Locked" })).toBeVisible();
  await expect(page.getByText("locked", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByText("Account unlocked: they can sign in again.")).toBeVisible();
  await expect(page.getByText("locked", { exact: true })).toHaveCount(0);
  // The account's history says it in words, and who did it.
  const history = page.locator("#history");
  await expect(history.getByText("Unlocked", { exact: true })).toBeVisible();
  await expect(history.getByText(/^by .+@/).first()).toBeVisible();

  const check = e2eSql();
  try {
    const [row] = await check<{ failed_login_attempts: number; locked_until: Date | null }[]>`SELECT failed_login_attempts, locked_until FROM users WHERE id = ${user.id}`;
    expect(row).toEqual({ failed_login_attempts: 0, locked_until: null });
  } finally {
    await check.end();
  }
});

test("an admin records a week's rate (and corrects it back), with field errors for bad input", async ({ page }) => {
  const sql = e2eSql();
  const [newest] = await sql<{ date: string; rate: string; points: string | null }[]>`
    SELECT date::text AS date, rate::text AS rate, points::text AS points FROM mortgage_rates WHERE rate_type = '30_year_fixed' ORDER BY date DESC LIMIT 1`;
  await sql.end();
  const original = Number(newest!.rate);
  const corrected = Math.round((original + 0.125) * 1000) / 1000;

  await adminSignIn(page);
  await page.goto("/admin/rates");
  const form = page.getByRole("form", { name: "Record a week's rate" });
  const record = async (rate: string) => {
    await form.getByLabel("Week of").fill(newest!.date);
    await form.getByLabel("Rate type").selectOption("30_year_fixed");
    await form.getByLabel("Rate (%)").fill(rate);
    await form.getByLabel("Points (optional)").fill(newest!.points ?? "");
    await form.getByRole("button", { name: "Save rate" }).click();
  };

  await record("31");
  await expect(form.getByText("The rate can't be above 25%.")).toBeVisible();
  await expect(page.getByTestId("latest-30_year_fixed")).toHaveText(pct(original));

  await record(String(corrected));
  await expect(page.getByText(`30-year fixed ${corrected.toFixed(3)}% for the week of ${weekOf(newest!.date)} updated. The alert sweep has been started.`)).toBeVisible();
  await expect(page.getByTestId("latest-30_year_fixed")).toHaveText(pct(corrected));
  // The public pages are prerendered: the change reaches them at once, not at the next rebuild.
  await page.goto("/");
  await expect(page.getByTestId("rate-30")).toHaveText(pct(corrected));
  await page.goto("/admin/rates");

  // put the survey's value back, so other journeys see the shipped data
  await record(String(original));
  await expect(page.getByText(`30-year fixed ${original.toFixed(3)}% for the week of ${weekOf(newest!.date)} updated.`, { exact: false })).toBeVisible();
  await expect(page.getByTestId("latest-30_year_fixed")).toHaveText(pct(original));
  await page.goto("/");
  await expect(page.getByTestId("rate-30")).toHaveText(pct(original));
  const after = e2eSql();
  try {
    const [row] = await after<{ rate: string }[]>`SELECT rate::text AS rate FROM mortgage_rates WHERE rate_type = '30_year_fixed' AND date = ${newest!.date}`;
    expect(Number(row!.rate)).toBe(original);
    const audits = await after`SELECT 1 FROM audit_log WHERE action = 'admin.rate.update' AND created_at > now() - interval '5 minutes'`;
    expect(audits.length).toBeGreaterThanOrEqual(2);
    const sweeps = await after`SELECT 1 FROM jobs WHERE name = 'alerts.sweep' AND created_at > now() - interval '5 minutes'`;
    expect(sweeps.length).toBeGreaterThanOrEqual(2);
  } finally {
    await after.end();
  }
});

test("a rates CSV upload answers at the field: too large in the browser, bad rows from the server", async ({ page }) => {
  await adminSignIn(page);
  await page.goto("/admin/rates");
  const form = page.getByRole("form", { name: "Upload a rates CSV" });
  const file = form.getByLabel("CSV file");
  const csv = (bytes: number) => {
    const line = "not a date,30_year_fixed,abc,\n";
    return Buffer.from("date,rate_type,rate,points\n" + line.repeat(Math.ceil(bytes / line.length)));
  };
  const imports = async () => {
    const sql = e2eSql();
    try {
      return (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM rate_ingest_runs`)[0]!.n;
    } finally {
      await sql.end();
    }
  };
  const before = await imports();

  // Over 2 MB: refused before it is sent, at the field.
  await file.setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: csv(2.2 * 1024 * 1024) });
  await form.getByRole("button", { name: "Upload and import" }).click();
  await expect(form.getByText("The file must be 2 MB or smaller.")).toBeVisible();
  await expect(file).toHaveAttribute("aria-invalid", "true");
  expect(await imports()).toBe(before);

  // 1.5 MB (over Next's default 1 MB for an action's body) reaches the importer, which explains.
  await file.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: csv(1.5 * 1024 * 1024) });
  await expect(form.getByText("The file must be 2 MB or smaller.")).toBeHidden();
  await form.getByRole("button", { name: "Upload and import" }).click();
  await expect(form.getByText(/line 2:/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("latest-30_year_fixed")).toBeVisible();
});

test("a failed rate fetch reads as a sentence, with the technical text one click away", async ({ page }) => {
  const source = "https://www.freddiemac.com/pmms/docs/PMMS_history.csv";
  const error = `Could not fetch ${source}: getaddrinfo ENOTFOUND www.freddiemac.com (offline, or the server is down?)`;
  const sentence = "Couldn't reach Freddie Mac (DNS lookup failed for www.freddiemac.com).";
  const sql = e2eSql();
  // The newest run, as the daily fetch records it on a machine without DNS.
  const [run] = await sql<{ id: string }[]>`INSERT INTO rate_ingest_runs (source, started_at, finished_at, error) VALUES (${source}, now(), now(), ${error}) RETURNING id`;
  const [state] = await sql<{ good: number; newest: string }[]>`
    SELECT (SELECT count(*)::int FROM rate_ingest_runs WHERE error IS NULL AND finished_at IS NOT NULL) AS good,
           (SELECT max(date)::text FROM mortgage_rates WHERE rate_type = '30_year_fixed') AS newest`;
  try {
    await adminSignIn(page);
    const health = page.getByTestId("rates-health");
    await expect(health.getByText(`Last import failed`)).toContainText(sentence);
    const detail = health.getByText(error);
    await expect(detail).toBeHidden();
    await health.getByText("Technical detail").click();
    await expect(detail).toBeVisible();
    // The seed's rates are on file: the card says so rather than "none has succeeded".
    await expect(health).toContainText(
      state!.good > 0
        ? "The last successful import was"
        : `No fetch or upload has succeeded yet; the rates on file (through the week of ${weekOf(state!.newest)}) came from the seed or were entered by hand.`,
    );
    // The cards beside it keep their own height instead of stretching to the rates card's.
    const triggers = page.getByText("Triggers, 7 days", { exact: true }).locator("xpath=ancestor::section[1]");
    expect((await triggers.boundingBox())!.height).toBeLessThan((await health.boundingBox())!.height);

    await page.getByRole("link", { name: "Ingestion runs" }).click();
    const region = page.getByRole("region", { name: "Ingestion runs" });
    const row = region.locator("tbody tr").first();
    await expect(row.getByText("failed", { exact: true })).toBeVisible();
    const words = row.getByText(sentence);
    await expect(words).toBeVisible();
    // Whole, not cut off at the table's scrolling edge.
    const [wordsBox, regionBox] = [(await words.boundingBox())!, (await region.boundingBox())!];
    expect(wordsBox.x + wordsBox.width).toBeLessThanOrEqual(regionBox.x + regionBox.width);
    await expect(row.getByText(error)).toBeHidden();
    await row.getByText("Technical detail").click();
    await expect(row.getByText(error)).toBeVisible();
  } finally {
    await sql`DELETE FROM rate_ingest_runs WHERE id = ${run!.id}`;
    await sql.end();
  }
});

test("the admin rates page's type switcher marks the current type, and its rows line up", async ({ page }) => {
  await adminSignIn(page);
  await page.goto("/admin/rates");
  const switcher = page.getByRole("navigation", { name: "Rate type" });
  const thirty = switcher.getByRole("link", { name: "30-year fixed" });
  const fifteen = switcher.getByRole("link", { name: "15-year fixed" });
  const background = (link: typeof thirty) => link.evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect(thirty).toHaveAttribute("aria-current", "page");
  await expect(fifteen).not.toHaveAttribute("aria-current");
  // Drawn as a control: the current type filled, the others not.
  expect(await background(thirty)).not.toBe(await background(fifteen));

  await fifteen.click();
  await expect(page).toHaveURL(/\/admin\/rates\?type=15_year_fixed$/);
  await expect(page.getByRole("heading", { name: "Recent weeks: 15-year fixed" })).toBeVisible();
  await expect(fifteen).toHaveAttribute("aria-current", "page");
  await expect(thirty).not.toHaveAttribute("aria-current");
  expect(await background(fifteen)).not.toBe(await background(thirty));

  // A row's Remove button is centred on the row's line, as its text is.
  const row = page.getByRole("region", { name: "Recent weeks" }).locator("tbody tr").first();
  const middle = (box: { y: number; height: number } | null) => box!.y + box!.height / 2;
  const text = middle(await row.locator("td").first().evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    const r = range.getBoundingClientRect();
    return { y: r.y, height: r.height };
  }));
  expect(Math.abs(middle(await row.getByRole("button", { name: "Remove" }).boundingBox()) - text)).toBeLessThanOrEqual(1);
});
