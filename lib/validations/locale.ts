import { LOCALES } from "@/lib/i18n/config";
import { z } from "@/lib/validations/zod";

export const localeSchema = z.object({ locale: z.enum(LOCALES) });
