import { z } from "zod";
import { AppError, ValidationError } from "./errors";

/** What every form action returns, for `useActionState`. Passwords are never echoed back. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  /** What the user typed (minus secret fields), so the form can keep it after an error. */
  values?: Record<string, string>;
};

const SECRET_FIELD = /password|token|card|cvc|secret/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || SECRET_FIELD.test(key) || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

/**
 * Wraps a server action: parses the form with `schema` and either returns field errors
 * (changing nothing) or runs `fn` with the parsed data. Typed AppErrors become form messages;
 * anything else is logged and reported generically. Redirects and notFound() pass through.
 */
export function validatedAction<S extends z.ZodType, R extends ActionState | void>(
  schema: S,
  fn: (data: z.infer<S>, formData: FormData) => Promise<R>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        (errors[key] ??= []).push(issue.message);
      }
      return { ok: false, errors, values, message: "Please correct the highlighted fields." };
    }
    try {
      const result = await fn(parsed.data, formData);
      return result ?? { ok: true };
    } catch (err) {
      if (isNextControlFlow(err)) throw err;
      if (err instanceof ValidationError) return { ok: false, errors: err.fieldErrors, message: err.message, values };
      if (err instanceof AppError && err.expose) return { ok: false, message: err.message, values };
      console.error(err);
      return { ok: false, message: "Something went wrong. Nothing was changed; please try again.", values };
    }
  };
}

/** redirect(), notFound(), forbidden() work by throwing; they must not be swallowed. */
export function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
