"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useFormat } from "@/components/display-format";
import { Button, useToast } from "@/components/ui";
import { deleteMortgageAction, restoreMortgageAction, type DeleteResult } from "@/lib/mortgages/actions";

/** How long the Undo stays on screen; the server accepts a restore for a little longer. */
const UNDO_MS = 10_000;

type Deleted = Extract<DeleteResult, { ok: true }>;

/**
 * Deletes at once (soft delete) and offers Undo in a toast instead of asking "are you sure?":
 * quicker for the usual case, and a slip costs one click. The mortgage's alerts go with it, and
 * their subscriptions end with the period paid for; the toast says so, and Undo renews them.
 */
export function DeleteMortgageButton({ id, name, afterDelete }: { id: string; name: string; afterDelete?: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const fmt = useFormat();

  const undo = (deleted: Deleted) =>
    startTransition(async () => {
      const result = await restoreMortgageAction(id, deleted.stopped.filter((s) => s.resumable).map((s) => s.id));
      if (!result.ok) return toast.show(result.message, { tone: "error" });
      const alerts = result.alerts ? ` and ${result.alerts === 1 ? "its alert" : `its ${result.alerts} alerts`}` : "";
      const billing = result.resumed ? `; ${result.resumed === 1 ? "its subscription renews" : "their subscriptions renew"} as before` : "";
      const stillEnding = deleted.stopped.length - result.resumed;
      toast.show(`Restored “${result.name}”${alerts}${billing}.`);
      if (stillEnding > 0) toast.show(`${stillEnding === 1 ? "A subscription" : `${stillEnding} subscriptions`} could not be renewed here: resume it on the Billing page.`, { tone: "error" });
      if (afterDelete) router.push(`/mortgages/${id}`);
      else router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      const result = await deleteMortgageAction(id);
      if (!result.ok) return toast.show(result.message, { tone: "error" });
      toast.show(deletedMessage(result, fmt.date), { tone: "info", durationMs: UNDO_MS, action: { label: "Undo", onClick: () => undo(result) } });
      if (afterDelete) router.push(afterDelete);
      else router.refresh();
    });

  return (
    <Button type="button" variant="danger" size="sm" onClick={remove} disabled={pending} aria-label={`Delete ${name}`}>
      {pending ? "Deleting…" : "Delete"}
    </Button>
  );
}

/** "Deleted “Cabin” and its alert. Its subscription ends on Dec 29, 2026, with no further charge." */
function deletedMessage(result: Deleted, date: (iso: string) => string): string {
  const alerts = result.alerts ? ` and ${result.alerts === 1 ? "its alert" : `its ${result.alerts} alerts`}` : "";
  const ends = result.stopped.map((s) => s.endsOn).filter((d): d is string => d !== null).sort();
  const billing =
    result.stopped.length === 0
      ? ""
      : ends.length === 0
        ? ` ${result.stopped.length === 1 ? "Its subscription has" : "Their subscriptions have"} ended.`
        : result.stopped.length === 1
          ? ` Its subscription ends on ${date(ends[0]!)}, with no further charge.`
          : ` Their subscriptions end by ${date(ends[ends.length - 1]!)}, with no further charge.`;
  return `Deleted “${result.name}”${alerts}.${billing}`;
}
