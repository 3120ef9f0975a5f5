import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// README screenshots: `SCREENSHOTS=1 npx playwright test -c playwright.screenshots.config.ts`
// (plus the E2E_* variables npm test sets). Same servers and browser as the main suite; only
// the screenshots spec, which the main config ignores.
export default defineConfig({
  ...base,
  testIgnore: undefined,
  testMatch: "screenshots.spec.ts",
});
