import { TRAIT_KEY_PATTERN } from "@/lib/traits";
import { revisionField, storableText, z } from "@/lib/validations/zod";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const serviceSchema = z.object({
  name: storableText()
    .trim()
    .min(1, "validation.service.name.required")
    .max(80, "validation.service.name.tooLong"),
  slug: storableText()
    .trim()
    .toLowerCase()
    .min(2, "validation.service.slug.tooShort")
    .max(50, "validation.service.slug.tooLong")
    .regex(SLUG_PATTERN, "validation.service.slug.format"),
  description: storableText().trim().max(2000, "validation.service.description.tooLong").default(""),
  teamId: z.uuid("validation.service.team.required"),
  tier: z.coerce
    .number("validation.service.tier.invalid")
    .int("validation.service.tier.invalid")
    .min(1, "validation.service.tier.invalid")
    .max(3, "validation.service.tier.invalid"),
  // Checked against the stored traits when saved (lib/queries/services.ts). The nginx rule is
  // the field's own, so that it is checked whatever else is wrong with the form.
  traits: z
    .array(storableText().regex(TRAIT_KEY_PATTERN, "validation.service.traits.invalid"))
    .default([])
    .refine(
      (traits) => !traits.includes("BEHIND_NGINX") || traits.includes("SERVES_HTTP"),
      "validation.service.traits.nginxNeedsHttp",
    ),
});

/** Editing a service: what creating one takes, and the revision the form was read at. */
export const serviceEditSchema = serviceSchema.extend({ revision: revisionField });

export const serviceIdSchema = z.uuid();

export type ServiceInput = z.infer<typeof serviceSchema>;
export type ServiceEdit = z.infer<typeof serviceEditSchema>;

// The services list's query string; anything odd falls back to the unfiltered first page.
export const servicesQuerySchema = z.object({
  team: storableText().regex(SLUG_PATTERN).max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
