import { defineConfig, devices } from "@playwright/test";

// Browser journeys against `next start` (a production build) on its own database, with the
// local Stripe stand-in and a capturing SMTP server beside it. scripts/test.sh creates the
// database (E2E_DATABASE_URL); the web server command migrates and seeds it first.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? 12119);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2529);
const MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2530);
const APP_URL = `http://127.0.0.1:${PORT}`;
const WEBHOOK_SECRET = "whsec_e2e_refi_alert_signing_secret";

export const e2e = { appUrl: APP_URL, mailApi: `http://127.0.0.1:${MAIL_HTTP_PORT}`, stripeUrl: `http://127.0.0.1:${STRIPE_PORT}` };

const appEnv: Record<string, string> = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
  DATA_DIR: ".test-tmp/e2e-data",
  APP_URL,
  AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
  LOAN_NUMBER_KEY: "1e".repeat(32),
  DEMO_SEED: "true",
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  STRIPE_SECRET_KEY: "sk_test_e2e_standin",
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_URL: `http://127.0.0.1:${STRIPE_PORT}`,
  WORKER_IN_PROCESS: "false",
};

export default defineConfig({
  testDir: "e2e",
  // README screenshots run on their own: playwright.screenshots.config.ts
  testIgnore: "screenshots.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: APP_URL,
    // Times of day follow the browser's zone (components/theme-script.tsx): pin it, so journeys
    // read the same on every machine; e2e/display-format.spec.ts moves to Chicago on purpose.
    timezoneId: "UTC",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "npx tsx tests/support/mail-capture.ts",
      url: `http://127.0.0.1:${MAIL_HTTP_PORT}/health`,
      env: { MAIL_SMTP_PORT: String(SMTP_PORT), MAIL_HTTP_PORT: String(MAIL_HTTP_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "npx tsx lib/billing/standin/cli.ts serve",
      url: `http://127.0.0.1:${STRIPE_PORT}/_standin/health`,
      env: {
        STRIPE_STANDIN_PORT: String(STRIPE_PORT),
        STRIPE_WEBHOOK_URL: `${APP_URL}/api/stripe/webhook`,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_STANDIN_STATE: "memory",
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npm run -s db:migrate && npm run -s db:seed && npx next start -p ${PORT} -H 127.0.0.1`,
      url: `${APP_URL}/api/health`,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
    },
  ],
});
