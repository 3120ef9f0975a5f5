import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// An ES module (.mts), as Vite's native config loader will require; Vite points import.meta.url
// at this file even when it bundles the config.
const root = path.dirname(fileURLToPath(import.meta.url));

// Two projects: `unit` needs nothing but Node; `integration` needs DATABASE_URL pointing at a
// real PostgreSQL server (scripts/test.sh starts a throw-away one).
const alias = {
  "@": root,
  // `server-only` throws outside React Server Components; in tests and scripts the code runs on the server anyway.
  "server-only": path.resolve(root, "tests/support/empty.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,db,components,app,scripts}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          setupFiles: ["tests/support/test-env.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["{lib,db,components,app,scripts,tests}/**/*.int.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["tests/support/pg-global-setup.ts"],
          setupFiles: ["tests/support/test-env.ts", "tests/support/pg-per-file.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
