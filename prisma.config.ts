import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/prepare-db.ts through Prisma's WASM schema engine, so the
// CLI only needs the schema (for `prisma generate`).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
