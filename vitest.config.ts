import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "prisma/**/*.test.ts",
            "components/**/*.test.ts",
            "deploy/**/*.test.ts",
          ],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["lib/testing/db-global-setup.ts"],
          setupFiles: ["lib/testing/db-setup.ts"],
          // One database per run; files run one after another so that PGlite (one process,
          // one connection) and the server behave alike.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
