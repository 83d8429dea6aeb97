import { z } from "@/lib/validations/zod";

export const settingsSchema = z.object({
  fiscalStartMonth: z.coerce
    .number("validation.settings.fiscalStartMonth.invalid")
    .int("validation.settings.fiscalStartMonth.invalid")
    .min(1, "validation.settings.fiscalStartMonth.invalid")
    .max(12, "validation.settings.fiscalStartMonth.invalid"),
});
