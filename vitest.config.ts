import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: `unit` needs nothing but Node; `integration` needs DATABASE_URL pointing at a
// real PostgreSQL server (scripts/test.sh starts a throw-away one).
const alias = {
  "@": path.resolve(__dirname),
  // `server-only` throws outside React Server Components; in tests and scripts the code runs on the server anyway.
  "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
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
