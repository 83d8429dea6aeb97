import { getDb } from "@/lib/db";

/** The stored value, or the one `create` makes, stored once even when two processes race. */
export async function getOrCreateSetting(key: string, create: () => string): Promise<string> {
  const db = getDb();
  const existing = await db.instanceSetting.findUnique({ where: { key }, select: { value: true } });
  if (existing) return existing.value;
  await db.instanceSetting.createMany({ data: [{ key, value: create() }], skipDuplicates: true });
  const stored = await db.instanceSetting.findUniqueOrThrow({ where: { key }, select: { value: true } });
  return stored.value;
}

export async function getSetting(key: string) {
  return (await getDb().instanceSetting.findUnique({ where: { key }, select: { value: true } }))?.value ?? null;
}

export async function setSetting(key: string, value: string) {
  await getDb().instanceSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export async function deleteSetting(key: string) {
  await getDb().instanceSetting.deleteMany({ where: { key } });
}
