import { safeReturnPath } from "@/lib/security/redirect";
import { SLUG_PATTERN } from "@/lib/validations/service";
import { revisionField, storableText, z } from "@/lib/validations/zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
// Sign-in throttling: generous enough for typos, tight enough that guessing a password is hopeless.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const USER_ROLES = ["ADMIN", "SRE", "MEMBER", "VIEWER"] as const;

const email = storableText()
  .trim()
  .toLowerCase()
  .max(254, "validation.user.email.invalid")
  .pipe(z.email("validation.user.email.invalid"));
const name = storableText()
  .trim()
  .min(1, "validation.user.name.required")
  .max(80, "validation.user.name.tooLong");

// Length is what resists guessing; the other rules refuse the passwords people guess first.
const password = storableText().superRefine((value, ctx) => {
  if (value.length < PASSWORD_MIN_LENGTH)
    ctx.addIssue({
      code: "custom",
      message: "validation.user.password.tooShort",
      params: { min: PASSWORD_MIN_LENGTH },
    });
  else if (value.length > PASSWORD_MAX_LENGTH)
    ctx.addIssue({
      code: "custom",
      message: "validation.user.password.tooLong",
      params: { max: PASSWORD_MAX_LENGTH },
    });
  else if (new Set(value).size < 5)
    ctx.addIssue({ code: "custom", message: "validation.user.password.tooSimple" });
});

function passwordIsNotEmail<T extends { email: string; password: string }>(input: T) {
  return !input.password.toLowerCase().includes(input.email.split("@")[0]!.toLowerCase());
}

export const newUserSchema = z
  .object({ name, email, role: z.enum(USER_ROLES, "validation.user.role.invalid"), password })
  .refine(passwordIsNotEmail, { message: "validation.user.password.containsEmail", path: ["password"] });

export const firstAdminSchema = z
  .object({ name, email, password, token: storableText().min(1).max(200) })
  .refine(passwordIsNotEmail, { message: "validation.user.password.containsEmail", path: ["password"] });

export const roleChangeSchema = z.object({
  userId: z.uuid(),
  role: z.enum(USER_ROLES, "validation.user.role.invalid"),
  revision: revisionField,
});
/** Deactivating or reactivating someone, as their row on the users page was read. */
export const userStateSchema = z.object({ userId: z.uuid(), revision: revisionField });

// Where to go after signing in (or any "next" or "back"): a path of this site, normalised, never
// another origin; anything else is /services (lib/security/redirect.ts).
export const nextPathSchema = z.unknown().transform((target) => safeReturnPath(target));

// What every sign-in by password gives, through the form or Better Auth's endpoint.
export const signInCredentialsSchema = z.object({
  email: storableText()
    .trim()
    .toLowerCase()
    .min(1, "validation.signIn.email.required")
    .max(254, "validation.user.email.invalid"),
  password: storableText()
    .min(1, "validation.signIn.password.required")
    .max(PASSWORD_MAX_LENGTH, "validation.signIn.failed"),
});

export const signInSchema = signInCredentialsSchema.extend({ next: nextPathSchema });

/** The wait a locked sign-in page names, from its address: a whole number of minutes, 15 when unreadable. */
export const lockedMinutesSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(SIGN_IN_WINDOW_MINUTES)
  .catch(SIGN_IN_WINDOW_MINUTES);

export const teamSchema = z.object({
  name: storableText().trim().min(1, "validation.team.name.required").max(80, "validation.team.name.tooLong"),
  slug: storableText()
    .trim()
    .toLowerCase()
    .min(2, "validation.team.slug.tooShort")
    .max(50, "validation.team.slug.tooLong")
    .regex(SLUG_PATTERN, "validation.team.slug.format"),
  description: storableText().trim().max(2000, "validation.team.description.tooLong").default(""),
});

export const teamUpdateSchema = teamSchema.extend({ teamId: z.uuid(), revision: revisionField });

export const membershipSchema = z.object({
  teamId: z.uuid(),
  userId: z.uuid("validation.membership.user.required"),
});

export type NewUserInput = z.infer<typeof newUserSchema>;
export type TeamInput = z.infer<typeof teamSchema>;
export type UserRoleName = (typeof USER_ROLES)[number];

export function formFields<K extends string>(formData: FormData, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, String(formData.get(key) ?? "")])) as Record<K, string>;
}
