"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button, useToast } from "@/components/ui";
import { deleteMortgageAction, restoreMortgageAction } from "@/lib/mortgages/actions";

/** How long the Undo stays on screen; the server accepts a restore for a little longer. */
const UNDO_MS = 10_000;

/**
 * Deletes at once (soft delete) and offers Undo in a toast instead of asking "are you sure?":
 * quicker for the usual case, and a slip costs one click.
 */
export function DeleteMortgageButton({ id, name, afterDelete }: { id: string; name: string; afterDelete?: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  const undo = () =>
    startTransition(async () => {
      const result = await restoreMortgageAction(id);
      if (!result.ok) return toast.show(result.message, { tone: "error" });
      toast.show(`Restored “${result.name}”.`);
      if (afterDelete) router.push(`/mortgages/${id}`);
      else router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      const result = await deleteMortgageAction(id);
      if (!result.ok) return toast.show(result.message, { tone: "error" });
      toast.show(`Deleted “${result.name}”.`, { tone: "info", durationMs: UNDO_MS, action: { label: "Undo", onClick: undo } });
      if (afterDelete) router.push(afterDelete);
      else router.refresh();
    });

  return (
    <Button type="button" variant="danger" size="sm" onClick={remove} disabled={pending} aria-label={`Delete ${name}`}>
      {pending ? "Deleting…" : "Delete"}
    </Button>
  );
}
