import "server-only";
import type { z } from "zod";
import { validatedAction, type ActionState } from "@/lib/validated-action";
import type { AdminCtx } from "./guard";

/** A plain admin function: takes the acting admin's id first and checks it itself (assertAdmin). */
export type AdminCore<T> = (actorId: string, data: T, ctx?: AdminCtx) => Promise<ActionState | void>;

/** Where a wrapper keeps its plain function, so a test can prove every exported action is guarded. */
export const ADMIN_CORE = Symbol.for("refi.admin.core");

export type AdminFormAction = ((prev: ActionState, formData: FormData) => Promise<ActionState>) & {
  [ADMIN_CORE]: AdminCore<never>;
};

/**
 * The only way admin server actions are made. The session check comes first, before the form is
 * even parsed: a visitor is redirected to sign in and a signed-in non-admin gets 403, with nothing
 * read or changed. Then the plain function runs (which checks the role in the database again).
 *
 * The session module is imported lazily: it pulls in Auth.js, which cannot load under vitest, and
 * the guard test imports every actions file to inspect its exports.
 */
export function adminAction<S extends z.ZodType>(
  schema: S,
  core: AdminCore<z.infer<S>>,
  after?: (data: z.infer<S>) => void,
): AdminFormAction {
  const run = validatedAction(schema, async (data) => {
    const { requireAdmin } = await import("@/lib/auth/session");
    const { headers } = await import("next/headers");
    const { clientIp } = await import("@/lib/auth/auth");
    const admin = await requireAdmin();
    const result = await core(admin.id, data, { ip: clientIp(await headers()) });
    after?.(data);
    return result;
  });
  const action = async (prev: ActionState, formData: FormData): Promise<ActionState> => {
    const { requireAdmin } = await import("@/lib/auth/session");
    await requireAdmin();
    return run(prev, formData);
  };
  return Object.assign(action, { [ADMIN_CORE]: core as AdminCore<never> });
}
