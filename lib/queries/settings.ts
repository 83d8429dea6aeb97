import { getDb } from "@/lib/db";
import { authorize, type Principal } from "@/lib/permissions";
import { DEFAULT_FISCAL_START_MONTH, isFiscalStartMonth } from "@/lib/quarters";
import { recordAudit } from "@/lib/queries/audit";

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
  return (
    (await getDb().instanceSetting.findUnique({ where: { key }, select: { value: true } }))?.value ?? null
  );
}

export async function setSetting(key: string, value: string) {
  await getDb().instanceSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export async function deleteSetting(key: string) {
  await getDb().instanceSetting.deleteMany({ where: { key } });
}

const FISCAL_START_MONTH = "fiscal.start_month";

/** The month (1-12) the organisation's fiscal year starts in; April unless an admin chose otherwise. */
export async function getFiscalStartMonth() {
  const stored = Number(await getSetting(FISCAL_START_MONTH));
  return isFiscalStartMonth(stored) ? stored : DEFAULT_FISCAL_START_MONTH;
}

export async function setFiscalStartMonth(month: number, actor: Principal | null): Promise<void> {
  return getDb().$transaction(async (tx) => {
    authorize("manageSettings", actor);
    const before = await tx.instanceSetting.findUnique({
      where: { key: FISCAL_START_MONTH },
      select: { value: true },
    });
    const previous = isFiscalStartMonth(Number(before?.value))
      ? Number(before?.value)
      : DEFAULT_FISCAL_START_MONTH;
    if (previous === month) return;
    await tx.instanceSetting.upsert({
      where: { key: FISCAL_START_MONTH },
      create: { key: FISCAL_START_MONTH, value: String(month) },
      update: { value: String(month) },
    });
    await recordAudit(tx, actor, {
      kind: "settings.updated",
      entityType: "setting",
      entityId: FISCAL_START_MONTH,
      before: { fiscalStartMonth: previous },
      after: { fiscalStartMonth: month },
    });
  });
}
