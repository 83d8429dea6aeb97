import { inject } from "vitest";

// Runs before each integration test file imports anything, so lib/env.ts sees the test database.
const databaseUrl = inject("databaseUrl");
if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
} else {
  delete process.env.DATABASE_URL;
  process.env.TENKEN_DATA_DIR = "memory://";
}
process.env.TENKEN_DEMO_DATA = "off";
