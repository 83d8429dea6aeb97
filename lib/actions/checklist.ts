"use server";

import { getTranslations } from "next-intl/server";
import type { z } from "zod";

import { readDefaultChecklistDocument } from "@/lib/checklist/default";
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
import { AppError, fail, unwrap } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
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
  checklistImportSchema,
  itemAddSchema,
  itemEditSchema,
  itemKeySchema,
  itemMoveSchema,
  publishSchema,
  revisionSchema,
  traitKeySchema,
  traitSchema,
} from "@/lib/validations/checklist-editor";

// The checklist shows on every assessment, so every change of it revalidates everything.

/** Saves a whole document as the draft, refused when it breaks a rule of the file format. */
async function storeDraft(document: ChecklistDocument, revision: number, actor: Principal) {
  const parsed = checklistDocument.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const values = "params" in issue && issue.params ? (issue.params as Record<string, string>) : undefined;
    throw fail.invalid(issue.message, { values });
  }
  return saveChecklistDraft(parsed.data, revision, actor);
}

/** One edit of the draft: read it, change it, save it against the revision the page showed. */
function draftEdit<S extends z.ZodType<{ revision: number }>>(
  formData: FormData,
  schema: S,
  edit: (document: ChecklistDocument, input: z.output<S>) => EditResult,
  done: string,
  arrays: string[] = [],
) {
  return formAction(formData, {
    rule: "manageChecklist",
    schema,
    arrays,
    run: async (input, actor) => {
      const draft = await getChecklistDraft();
      if (!draft) throw fail.conflict("validation.checklist.draft.gone");
      return storeDraft(unwrap(edit(draft.document, input)), input.revision, actor);
    },
    done: { key: done },
    revalidate: CHANGED_PAGES.everywhere,
  });
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

const traitOf = (input: z.output<typeof traitSchema>) => ({
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
  return formAction(formData, {
    rule: "manageChecklist",
    schema: revisionSchema,
    run: async (_input, actor) => storeDraft(await checklistDocumentAt(), 0, actor),
    done: { key: "checklistEditor.draftStarted" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

// The default checklist from the seed, as a draft over whatever is there: publishing it brings
// back its items (under their keys) and retires the organisation's own. Default items retired
// since stay retired: their keys belong to their history.
export async function restoreDefaultChecklistAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(formData, {
    rule: "manageChecklist",
    schema: revisionSchema,
    run: async (input, actor) =>
      storeDraft(
        keepRetired(readDefaultChecklistDocument(), await listRetiredItemKeys()),
        input.revision,
        actor,
      ),
    done: { key: "checklistEditor.defaultRestored" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function discardDraftAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageChecklist",
    schema: revisionSchema,
    run: (_input, actor) => discardChecklistDraft(actor),
    done: { key: "checklistEditor.draftDiscarded" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

export async function publishDraftAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageChecklist",
    schema: publishSchema,
    run: (input, actor) => publishChecklistDraft(input, actor),
    done: { key: "checklistEditor.published" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}

/**
 * A YAML or JSON file (uploaded or pasted) becomes the draft. Every mistake in it is listed with
 * its line, next to the field, and nothing is saved.
 */
export async function importChecklistAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    rule: "manageChecklist",
    schema: checklistImportSchema,
    run: async ({ revision, file, source }, actor) => {
      const text = file instanceof File && file.size > 0 ? await file.text() : source;
      if (!text.trim()) throw fail.invalid("validation.checklist.file.required", { field: "file" });
      const parsed = parseChecklistDocument(text);
      if (!parsed.ok) {
        // The mistake itself is worded here, in the person's language, inside the line's message.
        const t = await getTranslations();
        const messages = parsed.errors.slice(0, 50).map((error) => ({
          key: error.line === null ? "validation.checklist.inFile" : "validation.checklist.atLine",
          values: { line: error.line ?? 0, path: error.path, message: t(error.key, error.values) },
        }));
        throw new AppError("invalid", { key: "errors.invalid" }, { file: messages });
      }
      return storeDraft(parsed.document, revision, actor);
    },
    done: { key: "checklistEditor.imported" },
    revalidate: CHANGED_PAGES.everywhere,
  });
}
