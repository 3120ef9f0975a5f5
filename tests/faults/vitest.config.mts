import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Fault tests (npm run test:faults → scripts/faults.sh; also the last step of `npm test`): webhook
// storm, database restart under load, SMTP down, fuzzing. They run against a production build.
// Each file gets its own migrated database (the integration tests' per-file setup).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      "server-only": path.resolve(root, "tests/support/empty.ts"),
    },
  },
  test: {
    name: "faults",
    environment: "node",
    include: ["tests/faults/**/*.fault.test.ts"],
    globalSetup: ["tests/support/pg-global-setup.ts"],
    setupFiles: ["tests/support/test-env.ts", "tests/support/pg-per-file.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
