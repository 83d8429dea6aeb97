"use server";

import { fail } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { CHANGED_PAGES } from "@/lib/forms/pages";
import type { FormState } from "@/lib/forms/state";
import { createService, updateService } from "@/lib/queries/services";
import { serviceEditSchema, serviceIdSchema, serviceSchema } from "@/lib/validations/service";

// Once saved, the person lands on the service's page.
const toService = ({ slug }: { slug: string }) => `/services/${slug}`;

export async function createServiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: serviceSchema,
    arrays: ["traits"],
    run: (input, actor) => createService(input, actor),
    revalidate: CHANGED_PAGES.services,
    redirectTo: toService,
  });
}

/** Bound to the service's id by its edit page. */
export async function updateServiceAction(
  serviceId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return formAction(formData, {
    schema: serviceEditSchema,
    arrays: ["traits"],
    run: (input, actor) => {
      const id = serviceIdSchema.safeParse(serviceId);
      if (!id.success) throw fail.notFound();
      return updateService(id.data, input, actor);
    },
    revalidate: CHANGED_PAGES.services,
    redirectTo: toService,
  });
}
