"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";

import { getCurrentUser } from "@/lib/auth/session";
import { parseChecklistDocument } from "@/lib/checklist/document";
import {
  addCategory,
  addItem,
  keepRetired,
  moveCategory,
  moveItem,
  retireTrait,
  saveTrait,
  setCategoryRetired,
  setItemRetired,
  updateCategory,
  updateItem,
  type EditResult,
  type ItemFields,
} from "@/lib/checklist/edit";
import { withDatabase } from "@/lib/errors";
import { formWrite, type WriteOutcome } from "@/lib/form-write";
import type { Principal } from "@/lib/permissions";
import {
  checklistDocumentAt,
  discardChecklistDraft,
  getChecklistDraft,
  listRetiredItemKeys,
  publishChecklistDraft,
  saveChecklistDraft,
} from "@/lib/queries/checklist-versions";
import { checklistDocument, type ChecklistDocument } from "@/lib/validations/checklist-document";
import {
  categoryAddSchema,
  categoryEditSchema,
  categoryKeySchema,
  categoryMoveSchema,
  itemAddSchema,
  itemEditSchema,
  itemKeySchema,
  itemMoveSchema,
  publishSchema,
  revisionSchema,
  traitKeySchema,
  traitSchema,
} from "@/lib/validations/checklist-editor";
import {
  fieldErrorsFrom,
  formValues,
  refusedState,
  signedOutState,
  type FormMessage,
  type FormState,
} from "@/lib/validations/form";
import { readDefaultChecklistDocument } from "@/prisma/seed/default-checklist";

// The checklist shows on every assessment, so a publication revalidates everything.
const REVALIDATE = [["/", "layout"]] as const;
const ITEM_FIELDS = [
  "key",
  "categoryKey",
  "textJa",
  "textEn",
  "guidanceJa",
  "guidanceEn",
  "weight",
  "requires",
  "itemKey",
  "titleJa",
  "titleEn",
  "nameJa",
  "nameEn",
  "summary",
];

/** Saves a whole document as the draft, refusing it if it breaks a rule of the file format. */
async function storeDraft(
  document: ChecklistDocument,
  revision: number,
  actor: Principal,
): Promise<WriteOutcome> {
  const parsed = checklistDocument.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      field: "form",
      key: issue.message,
      ...("params" in issue && issue.params ? { values: issue.params as Record<string, string> } : {}),
    };
  }
  const saved = await saveChecklistDraft(parsed.data, revision, actor);
  return saved.ok
    ? { ok: true }
    : { ok: false, field: "form", key: saved.key, ...(saved.values ? { values: saved.values } : {}) };
}

/** One edit of the draft: read it, change it, save it against the revision the page showed. */
function draftEdit<S extends z.ZodType<{ revision: number }>>(
  formData: FormData,
  schema: S,
  edit: (document: ChecklistDocument, input: z.infer<S>) => EditResult,
  success: string,
  arrays: string[] = [],
) {
  return formWrite(
    formData,
    schema,
    async (input, actor) => {
      const draft = await getChecklistDraft();
      if (!draft) return { ok: false, field: "form", key: "validation.checklist.draft.gone" };
      const edited = edit(draft.document, input);
      if (!edited.ok) return edited;
      return storeDraft(edited.document, input.revision, actor);
    },
    () => ({ key: success }),
    { formFields: ITEM_FIELDS, arrays, revalidate: REVALIDATE },
  );
}

const fieldsOf = (input: {
  textJa: string;
  textEn: string;
  guidanceJa: string;
  guidanceEn: string;
  weight: number;
  requires: string[];
}): ItemFields => ({
  text: { ja: input.textJa, en: input.textEn },
  guidance: { ja: input.guidanceJa, en: input.guidanceEn },
  weight: input.weight,
  requires: input.requires,
});

export async function updateDraftItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    itemEditSchema,
    (document, input) => updateItem(document, input.key, fieldsOf(input)),
    "checklistEditor.itemSaved",
    ["requires"],
  );
}

export async function addDraftItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    itemAddSchema,
    (document, input) => addItem(document, input.categoryKey, input.key, fieldsOf(input)),
    "checklistEditor.itemAdded",
    ["requires"],
  );
}

export async function retireDraftItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    itemKeySchema,
    (document, input) => setItemRetired(document, input.key, true),
    "checklistEditor.itemRetired",
  );
}

export async function restoreDraftItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    itemKeySchema,
    (document, input) => setItemRetired(document, input.key, false),
    "checklistEditor.itemRestored",
  );
}

export async function moveDraftItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    itemMoveSchema,
    (document, input) => moveItem(document, input.key, input.direction),
    "checklistEditor.moved",
  );
}

export async function updateDraftCategoryAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return draftEdit(
    formData,
    categoryEditSchema,
    (document, input) => updateCategory(document, input.key, { ja: input.titleJa, en: input.titleEn }),
    "checklistEditor.categorySaved",
  );
}

export async function addDraftCategoryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    categoryAddSchema,
    (document, input) =>
      addCategory(
        document,
        input.key,
        { ja: input.titleJa, en: input.titleEn },
        { key: input.itemKey, ...fieldsOf(input) },
      ),
    "checklistEditor.categoryAdded",
    ["requires"],
  );
}

export async function retireDraftCategoryAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return draftEdit(
    formData,
    categoryKeySchema,
    (document, input) => setCategoryRetired(document, input.key, true),
    "checklistEditor.categoryRetired",
  );
}

export async function restoreDraftCategoryAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return draftEdit(
    formData,
    categoryKeySchema,
    (document, input) => setCategoryRetired(document, input.key, false),
    "checklistEditor.categoryRestored",
  );
}

export async function moveDraftCategoryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    categoryMoveSchema,
    (document, input) => moveCategory(document, input.key, input.direction),
    "checklistEditor.moved",
  );
}

const traitOf = (input: z.infer<typeof traitSchema>) => ({
  key: input.key,
  name: { ja: input.nameJa, en: input.nameEn },
  description: { ja: input.descriptionJa, en: input.descriptionEn },
});

export async function addDraftTraitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    traitSchema,
    (document, input) => saveTrait(document, traitOf(input), { adding: true }),
    "checklistEditor.traitAdded",
  );
}

export async function updateDraftTraitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    traitSchema,
    (document, input) => saveTrait(document, traitOf(input), { adding: false }),
    "checklistEditor.traitSaved",
  );
}

export async function retireDraftTraitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return draftEdit(
    formData,
    traitKeySchema,
    (document, input) => retireTrait(document, input.key),
    "checklistEditor.traitRetired",
  );
}

export async function startDraftAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formWrite(
    formData,
    revisionSchema,
    async (_input, actor) => storeDraft(await checklistDocumentAt(), 0, actor),
    () => ({ key: "checklistEditor.draftStarted" }),
    { revalidate: REVALIDATE },
  );
}

// The default checklist from the seed, as a draft over whatever is there: publishing it brings
// back its items (under their keys) and retires the organisation's own.
export async function restoreDefaultChecklistAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formWrite(
    formData,
    revisionSchema,
    // Default items retired since stay retired: their keys belong to their history.
    async (input, actor) =>
      storeDraft(
        keepRetired(readDefaultChecklistDocument(), await listRetiredItemKeys()),
        input.revision,
        actor,
      ),
    () => ({ key: "checklistEditor.defaultRestored" }),
    { revalidate: REVALIDATE },
  );
}

export async function discardDraftAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formWrite(
    formData,
    revisionSchema,
    async (_input, actor) => discardChecklistDraft(actor),
    () => ({ key: "checklistEditor.draftDiscarded" }),
    { revalidate: REVALIDATE },
  );
}

export async function publishDraftAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formWrite(
    formData,
    publishSchema,
    async (input, actor) => {
      const published = await publishChecklistDraft(input, actor);
      return published.ok
        ? { ok: true }
        : {
            ok: false,
            field: "form",
            key: published.key,
            ...(published.values ? { values: published.values } : {}),
          };
    },
    () => ({ key: "checklistEditor.published" }),
    { formFields: ["summary"], revalidate: REVALIDATE },
  );
}

/**
 * A YAML or JSON file (uploaded or pasted) becomes the draft. Every mistake in it is listed with
 * its line, next to the field, and nothing is saved.
 */
export async function importChecklistAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  delete values.file;
  const actor = await getCurrentUser();
  if (!actor) return signedOutState(values);
  const parsedForm = revisionSchema.safeParse({ revision: formData.get("revision") });
  if (!parsedForm.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsedForm.error), values };
  const file = formData.get("file");
  const source =
    file instanceof File && file.size > 0 ? await file.text() : String(formData.get("source") ?? "");
  if (!source.trim())
    return {
      status: "error",
      fieldErrors: { file: [{ key: "validation.checklist.file.required" }] },
      values,
    };
  const parsed = parseChecklistDocument(source);
  if (!parsed.ok) {
    const t = await getTranslations();
    const messages: FormMessage[] = parsed.errors.slice(0, 50).map((error) => ({
      key: error.line === null ? "validation.checklist.inFile" : "validation.checklist.atLine",
      values: { line: error.line ?? 0, path: error.path, message: t(error.key, error.values) },
    }));
    return { status: "error", fieldErrors: { file: messages }, values };
  }
  const result = await withDatabase(() => storeDraft(parsed.document, parsedForm.data.revision, actor));
  if (!result.ok) return refusedState(result, values);
  if (!result.value.ok)
    return {
      status: "error",
      formError:
        "key" in result.value
          ? { key: result.value.key, ...(result.value.values ? { values: result.value.values } : {}) }
          : { key: "errors.notFoundBody" },
      values,
    };
  revalidatePath("/", "layout");
  return { status: "saved", message: { key: "checklistEditor.imported" }, savedAt: Date.now() };
}
