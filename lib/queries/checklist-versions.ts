import { diffChecklists, type ChecklistDiff } from "@/lib/checklist/diff";
import { minuteIn } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { fail } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Principal } from "@/lib/permissions";
import { recordAudit } from "@/lib/queries/audit";
import { getChecklist } from "@/lib/queries/checklist";
import {
  CHECKLIST_FORMAT,
  checklistDocument,
  type ChecklistDocument,
} from "@/lib/validations/checklist-document";

// One checklist per installation: its versions are numbered from 1, and its next one is drafted
// as a whole document, then published in one transaction.

async function theChecklist(tx: Prisma.TransactionClient = getDb()) {
  return tx.checklist.findFirstOrThrow({
    orderBy: { createdAt: "asc" },
    select: { id: true, key: true, titleJa: true, titleEn: true, createdAt: true },
  });
}

/** The checklist in force at `at` (default now) as a file: what a new draft starts from. */
export async function checklistDocumentAt(at?: Date): Promise<ChecklistDocument> {
  const db = getDb();
  const [checklist, categories, traits] = await Promise.all([
    theChecklist(),
    getChecklist(at ? { at } : {}),
    db.trait.findMany({
      where: { retiredAt: null },
      orderBy: [{ position: "asc" }, { key: "asc" }],
      select: { key: true, nameJa: true, nameEn: true, descriptionJa: true, descriptionEn: true },
    }),
  ]);
  return {
    format: CHECKLIST_FORMAT,
    key: checklist.key,
    title: { ja: checklist.titleJa, en: checklist.titleEn },
    traits: traits.map((trait) => ({
      key: trait.key,
      name: { ja: trait.nameJa, en: trait.nameEn },
      description: { ja: trait.descriptionJa, en: trait.descriptionEn },
    })),
    categories: categories
      .filter((category) => category.items.length > 0)
      .map((category) => ({
        key: category.key,
        title: { ja: category.titleJa, en: category.titleEn },
        items: category.items.map((item) => ({
          key: item.key,
          text: { ja: item.textJa, en: item.textEn },
          guidance: { ja: item.guidanceJa ?? "", en: item.guidanceEn ?? "" },
          weight: item.weight,
          requires: item.requiredTraits,
        })),
      })),
  };
}

/**
 * Version 1 is the checklist as it was first loaded, published when it was created. Called at
 * every start; does nothing once a version exists.
 */
export async function ensureFirstChecklistVersion(publishedById: string) {
  const db = getDb();
  const checklist = await theChecklist();
  if (await db.checklistVersion.count({ where: { checklistId: checklist.id } })) return { created: false };
  const document = await checklistDocumentAt(checklist.createdAt);
  const version = await db.checklistVersion.create({
    data: {
      checklistId: checklist.id,
      number: 1,
      summary: "",
      document,
      publishedAt: checklist.createdAt,
      publishedById,
    },
    select: { id: true },
  });
  await db.service.updateMany({
    where: { checklistVersionId: null },
    data: { checklistVersionId: version.id },
  });
  return { created: true };
}

export async function listChecklistVersions() {
  return getDb().checklistVersion.findMany({
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      summary: true,
      publishedAt: true,
      publishedBy: { select: { name: true } },
    },
  });
}

export async function getChecklistVersion(number: number) {
  const version = await getDb().checklistVersion.findFirst({
    where: { number },
    select: {
      id: true,
      number: true,
      summary: true,
      publishedAt: true,
      document: true,
      publishedBy: { select: { name: true } },
    },
  });
  return version ? { ...version, document: checklistDocument.parse(version.document) } : null;
}

/** What the latest version changed against the one before: for the assessment page's notice. */
export async function latestVersionChanges(): Promise<{
  number: number;
  publishedAt: Date;
  diff: ChecklistDiff;
} | null> {
  const [latest, previous] = await getDb().checklistVersion.findMany({
    orderBy: { number: "desc" },
    take: 2,
    select: { number: true, publishedAt: true, document: true },
  });
  if (!latest || !previous) return null;
  return {
    number: latest.number,
    publishedAt: latest.publishedAt,
    diff: diffChecklists(
      checklistDocument.parse(previous.document),
      checklistDocument.parse(latest.document),
    ),
  };
}

/** The keys of retired items: each stays with its item's history and cannot name a new one. */
export async function listRetiredItemKeys() {
  const items = await getDb().checklistItem.findMany({
    where: { retiredAt: { not: null } },
    select: { key: true },
  });
  return new Set(items.map((item) => item.key));
}

export async function getChecklistDraft() {
  const draft = await getDb().checklistDraft.findFirst({
    select: {
      baseNumber: true,
      document: true,
      revision: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
  return draft ? { ...draft, document: checklistDocument.parse(draft.document) } : null;
}

const conflict = (draft: { updatedAt: Date; updatedBy: { name: string } }) =>
  fail.conflict("validation.checklist.draft.conflict", {
    values: { name: draft.updatedBy.name, time: minuteIn(draft.updatedAt, env.TENKEN_TIME_ZONE) },
  });

/**
 * Saves the draft if nobody saved it since `revision` (0: there was no draft). A save from an
 * older page is refused, naming who saved last; the caller keeps the person's document.
 */
export async function saveChecklistDraft(
  document: ChecklistDocument,
  revision: number,
  actor: Principal | null,
  { at = new Date() }: { at?: Date } = {},
): Promise<{ revision: number }> {
  return getDb().$transaction(async (tx) => {
    authorize("manageChecklist", actor);
    const checklist = await theChecklist(tx);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checklist_draft:${checklist.id}`}))`;
    const current = await tx.checklistDraft.findUnique({
      where: { checklistId: checklist.id },
      select: { revision: true, updatedAt: true, updatedBy: { select: { name: true } } },
    });
    if ((current?.revision ?? 0) !== revision)
      throw current ? conflict(current) : fail.conflict("validation.checklist.draft.gone");
    // Refused on save already, not only at publication, so that nobody builds a draft that cannot be published.
    const kept = document.categories.flatMap((category) => category.items).filter((item) => !item.retired);
    const reused = await tx.checklistItem.findFirst({
      where: { key: { in: kept.map((item) => item.key) }, retiredAt: { lte: at } },
      select: { key: true },
    });
    if (reused) throw fail.invalid("validation.checklist.key.retired", { values: { key: reused.key } });
    const latest = await tx.checklistVersion.findFirstOrThrow({
      where: { checklistId: checklist.id },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const saved = current
      ? await tx.checklistDraft.update({
          where: { checklistId: checklist.id },
          data: { document, revision: { increment: 1 }, updatedById: actor.id },
          select: { revision: true },
        })
      : await tx.checklistDraft.create({
          data: { checklistId: checklist.id, baseNumber: latest.number, document, updatedById: actor.id },
          select: { revision: true },
        });
    return { revision: saved.revision };
  });
}

export async function discardChecklistDraft(actor: Principal | null) {
  authorize("manageChecklist", actor);
  await getDb().checklistDraft.deleteMany({});
}

/**
 * Publishes the draft as the next version, all or nothing: new items and categories are created,
 * changed items get a new version in force from now (their answers stay), missing and retired
 * items are retired from now (their answers stay in history), traits follow the file, and every
 * service moves to the new version. Past scores keep using what was in force then.
 */
export async function publishChecklistDraft(
  { summary, revision }: { summary: string; revision: number },
  actor: Principal | null,
  { at = new Date() }: { at?: Date } = {},
): Promise<{ number: number }> {
  return getDb().$transaction(async (tx) => {
    authorize("manageChecklist", actor);
    const checklist = await theChecklist(tx);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checklist_draft:${checklist.id}`}))`;
    const draft = await tx.checklistDraft.findUnique({
      where: { checklistId: checklist.id },
      select: { document: true, revision: true, updatedAt: true, updatedBy: { select: { name: true } } },
    });
    if (!draft) throw fail.conflict("validation.checklist.draft.gone");
    if (draft.revision !== revision) throw conflict(draft);
    const parsed = checklistDocument.safeParse(draft.document);
    if (!parsed.success) throw fail.invalid("validation.checklist.draft.invalid");
    const document = parsed.data;

    const items = await tx.checklistItem.findMany({
      select: {
        id: true,
        key: true,
        categoryId: true,
        position: true,
        retiredAt: true,
        versions: {
          orderBy: { version: "desc" },
          take: 1,
          select: {
            version: true,
            textJa: true,
            textEn: true,
            guidanceJa: true,
            guidanceEn: true,
            weight: true,
            requiredTraits: true,
          },
        },
      },
    });
    const byKey = new Map(items.map((item) => [item.key, item]));
    // Keys are identities: one that belonged to a retired item cannot come back to mean something else.
    const reused = document.categories
      .flatMap((category) => category.items)
      .find((item) => {
        const retiredAt = byKey.get(item.key)?.retiredAt;
        return !item.retired && retiredAt && retiredAt <= at;
      });
    if (reused) throw fail.invalid("validation.checklist.key.retired", { values: { key: reused.key } });

    await applyTraits(tx, document, at);
    const live = new Set<string>();
    for (const [categoryIndex, category] of document.categories.entries()) {
      const stored = await tx.checklistCategory.upsert({
        where: { key: category.key },
        create: {
          checklistId: checklist.id,
          key: category.key,
          position: categoryIndex,
          titleJa: category.title.ja,
          titleEn: category.title.en,
          createdAt: at,
        },
        update: { position: categoryIndex, titleJa: category.title.ja, titleEn: category.title.en },
        select: { id: true },
      });
      for (const [position, item] of category.items.filter((entry) => !entry.retired).entries()) {
        live.add(item.key);
        const wording = {
          textJa: item.text.ja,
          textEn: item.text.en,
          guidanceJa: item.guidance.ja,
          guidanceEn: item.guidance.en,
          weight: item.weight,
          requiredTraits: item.requires,
        };
        const existing = byKey.get(item.key);
        if (!existing) {
          await tx.checklistItem.create({
            data: {
              key: item.key,
              categoryId: stored.id,
              position,
              createdAt: at,
              versions: { create: { version: 1, ...wording, effectiveFrom: at } },
            },
          });
          continue;
        }
        if (existing.categoryId !== stored.id || existing.position !== position)
          await tx.checklistItem.update({
            where: { id: existing.id },
            data: { categoryId: stored.id, position },
          });
        const last = existing.versions[0];
        const same =
          last &&
          last.textJa === wording.textJa &&
          last.textEn === wording.textEn &&
          (last.guidanceJa ?? "") === wording.guidanceJa &&
          (last.guidanceEn ?? "") === wording.guidanceEn &&
          last.weight === wording.weight &&
          [...last.requiredTraits].sort().join() === [...wording.requiredTraits].sort().join();
        if (!same)
          await tx.checklistItemVersion.create({
            data: { itemId: existing.id, version: (last?.version ?? 0) + 1, ...wording, effectiveFrom: at },
          });
      }
    }
    const retire = items.filter((item) => !item.retiredAt && !live.has(item.key)).map((item) => item.id);
    if (retire.length)
      await tx.checklistItem.updateMany({ where: { id: { in: retire } }, data: { retiredAt: at } });

    const previous = await tx.checklistVersion.findFirstOrThrow({
      where: { checklistId: checklist.id },
      orderBy: { number: "desc" },
      select: { number: true, document: true },
    });
    const published: ChecklistDocument = {
      ...document,
      categories: document.categories
        .map((category) => ({ ...category, items: category.items.filter((item) => !item.retired) }))
        .filter((category) => category.items.length > 0),
    };
    const version = await tx.checklistVersion.create({
      data: {
        checklistId: checklist.id,
        number: previous.number + 1,
        summary,
        document: published,
        publishedAt: at,
        publishedById: actor.id,
      },
      select: { id: true, number: true },
    });
    await tx.service.updateMany({ data: { checklistVersionId: version.id } });
    await tx.checklistDraft.delete({ where: { checklistId: checklist.id } });
    const diff = diffChecklists(checklistDocument.parse(previous.document), published);
    await recordAudit(
      tx,
      actor,
      {
        kind: "checklist.published",
        entityType: "checklist",
        entityId: checklist.id,
        before: { version: previous.number },
        after: {
          version: version.number,
          summary,
          added: diff.items.filter((change) => change.kind === "added").map((change) => change.key),
          changed: diff.items.filter((change) => change.kind === "changed").map((change) => change.key),
          retired: diff.items.filter((change) => change.kind === "retired").map((change) => change.key),
          traitsAdded: diff.traits.added.map((trait) => trait.key),
        },
      },
      at,
    );
    return { number: version.number };
  });
}

async function applyTraits(tx: Prisma.TransactionClient, document: ChecklistDocument, at: Date) {
  for (const [position, trait] of document.traits.entries()) {
    const data = {
      nameJa: trait.name.ja,
      nameEn: trait.name.en,
      descriptionJa: trait.description.ja,
      descriptionEn: trait.description.en,
      position: position + 1,
      retiredAt: null,
    };
    await tx.trait.upsert({
      where: { key: trait.key },
      create: { key: trait.key, ...data, createdAt: at },
      update: data,
    });
  }
  await tx.trait.updateMany({
    where: { key: { notIn: document.traits.map((trait) => trait.key) }, retiredAt: null },
    data: { retiredAt: at },
  });
}
