"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";

import { getCurrentUser } from "@/lib/auth/session";
import { withDatabase } from "@/lib/errors";
import type { Principal } from "@/lib/permissions";
import { createService, updateService, type ServiceWriteResult } from "@/lib/queries/services";
import {
  fieldErrorsFrom,
  formValues,
  refusedState,
  signedOutState,
  type FormState,
} from "@/lib/validations/form";
import { parseServiceForm, serviceIdSchema, type ServiceInput } from "@/lib/validations/service";

async function writeService(
  formData: FormData,
  write: (input: ServiceInput, actor: Principal) => Promise<ServiceWriteResult>,
): Promise<FormState> {
  const values = formValues(formData);
  const actor = await getCurrentUser();
  if (!actor) return signedOutState(values);
  const parsed = parseServiceForm(formData);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await withDatabase(() => write(parsed.data, actor));
  if (!result.ok) return refusedState(result, values);
  const written = result.value;
  if (!written.ok) {
    if ("notFound" in written) notFound();
    return { status: "error", fieldErrors: { [written.field]: [{ key: written.key }] }, values };
  }
  revalidatePath("/services");
  revalidatePath("/audit");
  redirect(`/services/${written.slug}`);
}

export async function createServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return writeService(formData, createService);
}

export async function updateServiceAction(
  serviceId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const id = serviceIdSchema.safeParse(serviceId);
  if (!id.success) notFound();
  return writeService(formData, (input, actor) => updateService(id.data, input, actor));
}
