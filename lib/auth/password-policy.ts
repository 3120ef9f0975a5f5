import { z } from "zod";
import { COMMON_PASSWORDS_TEXT } from "./common-passwords.data";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;

/** Whether a password is among the 30,000 most common ones (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split("\n"));
  return common.has(password.toLowerCase()) || common.has(password.trim().toLowerCase());
}

/**
 * NIST SP 800-63B style: length 12-128, no composition rules, and not a known common password.
 * Length is counted in characters as the user sees them (code points), not UTF-16 units.
 */
export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .superRefine((value, ctx) => {
    const length = [...value].length;
    if (length === 0) ctx.addIssue({ code: "custom", message: "Enter a password." });
    else if (length < PASSWORD_MIN) ctx.addIssue({ code: "custom", message: `Use at least ${PASSWORD_MIN} characters.` });
    else if (length > PASSWORD_MAX) ctx.addIssue({ code: "custom", message: `Use at most ${PASSWORD_MAX} characters.` });
    else if (isCommonPassword(value)) {
      ctx.addIssue({ code: "custom", message: "This password is too common and easy to guess. Try a few unrelated words." });
    }
  });
