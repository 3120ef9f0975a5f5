"use client";

import { useState } from "react";
import { useToast } from "@/components/ui";
import type { ActionState } from "@/lib/validated-action";

export type AdminFormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Like useActionState, but a success is announced with a toast straight from the submit, once:
 * the button that was pressed often disappears when the page re-renders (e.g. "Unlock" once the
 * account is unlocked), and the message must not vanish with it. A refusal stays in `state` for
 * the form to show next to its fields.
 */
export function useAdminForm(action: AdminFormAction): [ActionState, (formData: FormData) => Promise<void>] {
  const [state, setState] = useState<ActionState>({});
  const toast = useToast();
  const submit = async (formData: FormData) => {
    const result = await action(state, formData);
    setState(result);
    if (result.ok && result.message) toast.show(result.message);
  };
  return [state, submit];
}
