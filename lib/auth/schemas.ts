import { z } from "zod";
import { newPasswordSchema, PASSWORD_MAX } from "./password-policy";

// Form schemas for the signed-out pages. Every message is written for the field it sits under;
// a value of the wrong type (a file, a missing field) gets the same message as an empty one.

export const nameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Use letters, spaces and punctuation only.");

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(255, "Use at most 255 characters.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
  .transform((v) => v.toLowerCase());

const confirmField = z.string({ error: "Type the password again." }).min(1, "Type the password again.").max(PASSWORD_MAX + 1, "The passwords don't match.");

export const signUpSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: confirmField,
    next: z.string().max(2000).optional().catch(undefined),
  })
  .refine((d) => d.password === d.confirmPassword, { path: ["confirmPassword"], message: "The passwords don't match." });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: "This reset link is not valid." }).min(1, "This reset link is not valid.").max(200, "This reset link is not valid."),
    password: newPasswordSchema,
    confirmPassword: confirmField,
  })
  .refine((d) => d.password === d.confirmPassword, { path: ["confirmPassword"], message: "The passwords don't match." });

export type SignUpInput = z.infer<typeof signUpSchema>;
