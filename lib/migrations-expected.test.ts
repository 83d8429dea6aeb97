import { describe, expect, it } from "vitest";

import { EXPECTED_MIGRATIONS } from "@/lib/migrations-expected";
import { readMigrationsList } from "@/lib/schema-engine";

describe("the expected migrations", () => {
  it("are the folders of prisma/migrations, in order (npm run db:migration adds each new one)", async () => {
    const { migrationDirectories } = await readMigrationsList();
    expect(EXPECTED_MIGRATIONS).toEqual(migrationDirectories.map((migration) => migration.path));
  });
});
