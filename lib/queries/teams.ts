import { getDb } from "@/lib/db";

export async function listTeams() {
  return getDb().team.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } });
}
