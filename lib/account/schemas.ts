import { z } from "zod";
import { emailSchema, nameSchema } from "@/lib/auth/schemas";
import { newPasswordSchema, PASSWORD_MAX } from "@/lib/auth/password-policy";
import { ALERT_FREQUENCIES, CURRENCIES, DATE_FORMATS, MAX_RATE_DROP_THRESHOLD, REFI_TERMS, THEMES } from "./options";

export { ALERT_FREQUENCIES, CURRENCIES, DATE_FORMATS, MAX_RATE_DROP_THRESHOLD, REFI_TERMS, THEMES };

// Form schemas for the settings page. Checkboxes arrive as "on" when ticked and are absent
// otherwise; selects only accept the values they offer.

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.undefined()])
  .catch("false")
  .transform((v) => v === "on" || v === "true");

export const preferencesSchema = z.object({
  emailNotifications: checkbox,
  alertFrequency: z.enum(ALERT_FREQUENCIES, { error: "Choose how often alerts are emailed." }),
  marketingEmails: checkbox,
  theme: z.enum(THEMES, { error: "Choose light, dark or system." }),
  currency: z.enum(CURRENCIES, { error: "Choose a currency from the list." }),
  dateFormat: z.enum(DATE_FORMATS, { error: "Choose a date format from the list." }),
  minRateDropThreshold: z
    .string({ error: "Enter a threshold in percentage points, e.g. 0.125." })
    .trim()
    .min(1, "Enter a threshold in percentage points, e.g. 0.125.")
    // A minus sign is a range mistake, not a format one: say so.
    .refine((v) => !v.startsWith("-"), `Enter a threshold above 0 and at most ${MAX_RATE_DROP_THRESHOLD} percentage points.`)
    .regex(/^\d{1,2}(\.\d{1,3})?$|^\.\d{1,3}$/, "Enter a number with at most 3 decimals, e.g. 0.125.")
    .transform(Number)
    .refine((v) => v > 0 && v <= MAX_RATE_DROP_THRESHOLD, `Enter a threshold above 0 and at most ${MAX_RATE_DROP_THRESHOLD} percentage points.`),
  autoCalculateRefiCost: checkbox,
  defaultRefiTerm: z
    .string({ error: "Choose a loan term." })
    .refine((v) => (REFI_TERMS as readonly number[]).includes(Number(v)), "Choose a loan term from the list.")
    .transform(Number),
  shareAnonymousData: checkbox,
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export const themeSchema = z.object({ theme: z.enum(THEMES, { error: "Choose light, dark or system." }) });

export const profileNameSchema = z.object({ name: nameSchema });

const currentPassword = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX, "Enter your current password.");

export const changeEmailSchema = z.object({ newEmail: emailSchema, emailPassword: currentPassword });

export const changePasswordSchema = z
  .object({
    currentPassword,
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Type the new password again." }).max(PASSWORD_MAX + 1, "The passwords don't match."),
  })
  .refine((d) => d.newPassword === d.confirmPassword, { path: ["confirmPassword"], message: "The passwords don't match." })
  .refine((d) => d.newPassword !== d.currentPassword, { path: ["newPassword"], message: "Choose a password different from your current one." });

export const deleteAccountSchema = z.object({
  deletePassword: z.string({ error: "Enter your password to confirm." }).min(1, "Enter your password to confirm.").max(PASSWORD_MAX, "Enter your password to confirm."),
  confirm: z.literal("DELETE", { error: 'Type DELETE to confirm.' }),
});
