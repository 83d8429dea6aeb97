import { getDb } from "@/lib/db";
import { isDatabaseUnreachable } from "@/lib/errors";

export async function checkDatabase(): Promise<"ok" | "unreachable"> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return "ok";
  } catch (error) {
    if (isDatabaseUnreachable(error)) return "unreachable";
    throw error;
  }
}
