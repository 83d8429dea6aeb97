import path from "node:path";
import { z } from "zod";

// Read once, validated once. Everything else imports `env` instead of touching process.env.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// or postgresql:// URL" }).optional())
    .optional(),
  TENKEN_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  TENKEN_DEMO_DATA: z.enum(["on", "off"]).optional(),
  // Times are shown in this zone; defaults to the server's own.
  TENKEN_TIME_ZONE: z
    .string()
    .trim()
    .optional()
    .transform((zone) => zone || Intl.DateTimeFormat().resolvedOptions().timeZone)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "TENKEN_TIME_ZONE must be an IANA time zone such as Asia/Tokyo"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

function readEnv() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return {
    ...parsed.data,
    // "memory://" keeps an embedded database in memory only (tests); anything else is a folder.
    dataDir: parsed.data.TENKEN_DATA_DIR.startsWith("memory://")
      ? parsed.data.TENKEN_DATA_DIR
      : path.resolve(parsed.data.TENKEN_DATA_DIR),
  };
}

export const env = readEnv();

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

export function databaseTarget(): DatabaseTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.dataDir };
}
