"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFormat } from "@/components/display-format";
import { Button, ConfirmDelete, useToast } from "@/components/ui";
import { deleteMortgageAction, restoreMortgageAction, type DeleteResult } from "@/lib/mortgages/actions";

/**
 * How long the Undo stays on screen untouched; hovering or focusing it holds it, up to
 * UNDO_MAX_MS, inside the server's restore window (RESTORE_WINDOW_SECONDS, 30 s).
 */
const UNDO_MS = 10_000;
const UNDO_MAX_MS = 25_000;

type Deleted = Extract<DeleteResult, { ok: true }>;

/**
 * Deletes a mortgage (soft delete) and offers Undo in a toast, which takes focus: the button went
 * with the row. A mortgage that alerts watch asks first, since its alerts stop and their
 * subscriptions end with the period paid for; one without alerts goes at once, a slip costing
 * one Undo.
 */
export function DeleteMortgageButton({ id, name, alerts = 0, afterDelete }: { id: string; name: string; alerts?: number; afterDelete?: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [asking, setAsking] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
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

  async function remove() {
    const result = await deleteMortgageAction(id);
    if (!result.ok) {
      if (asking) setRefused(result.message);
      else toast.show(result.message, { tone: "error" });
      return;
    }
    setAsking(false);
    toast.show(deletedMessage(result, fmt.date), { tone: "info", durationMs: UNDO_MS, maxMs: UNDO_MAX_MS, focusAction: true, action: { label: "Undo", onClick: () => undo(result) } });
    if (afterDelete) router.push(afterDelete);
    else router.refresh();
  }

  const watched = alerts === 1 ? "An alert watches this mortgage" : `${alerts} alerts watch this mortgage`;
  return (
    <>
      <Button
        type="button"
        variant="danger"
        size="sm"
        onClick={() => (alerts > 0 ? (setRefused(null), setAsking(true)) : startTransition(remove))}
        disabled={pending}
        aria-label={`Delete ${name}`}
      >
        {pending ? "Deleting…" : "Delete"}
      </Button>
      {alerts > 0 && (
        <ConfirmDelete
          open={asking}
          onClose={() => setAsking(false)}
          title={`Delete “${name}”?`}
          description={`${watched}: ${alerts === 1 ? "it stops" : "they stop"} too, and any subscription for ${alerts === 1 ? "it" : "them"} ends with the period already paid for, with no further charge. You can undo this for a few seconds afterwards.`}
          action={remove}
          state={refused ? { ok: false, message: refused } : {}}
          keepLabel="Keep it"
          confirmLabel="Delete mortgage"
        />
      )}
    </>
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
