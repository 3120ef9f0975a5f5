"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { isNextControlFlow, validatedAction, type ActionState } from "@/lib/validated-action";
import { signIn } from "./auth";
import { afterSignIn } from "./request";
import { safeNext } from "./session";

const signInSchema = z.object({
  email: z.string({ error: "Enter your email address." }).trim().min(1, "Enter your email address.").max(255, "Use at most 255 characters.").email("Enter a valid email address."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(128, "Passwords are at most 128 characters."),
  next: z.string().max(2000).optional().catch(undefined),
});

const MESSAGES: Record<string, string> = {
  locked: "Too many failed attempts: this account is locked for 15 minutes. You can reset your password meanwhile.",
  rate_limited: "Too many sign-in attempts. Please wait a few minutes and try again.",
  invalid: "That email and password don't match an account.",
};

export const signInAction = validatedAction(signInSchema, async (data): Promise<ActionState> => {
  try {
    await signIn("credentials", { email: data.email, password: data.password, redirectTo: safeNext(data.next) });
    return { ok: true };
  } catch (err) {
    // signIn() throws a redirect on success: only Auth.js errors are failures.
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code ?? "invalid";
      return { ok: false, message: MESSAGES[code] ?? MESSAGES.invalid, values: { email: data.email, next: data.next ?? "" } };
    }
    if (isNextControlFlow(err)) await afterSignIn(data.email);
    throw err;
  }
});
