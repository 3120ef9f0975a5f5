import { Badge, type BadgeTone } from "@/components/ui";
import { statusLabel, type SubscriptionStatus } from "@/lib/billing/status";

const TONES: Record<SubscriptionStatus, BadgeTone> = {
  active: "success",
  trialing: "success",
  past_due: "warning",
  unpaid: "danger",
  incomplete: "neutral",
  incomplete_expired: "neutral",
  canceled: "neutral",
  paused: "neutral",
};

export function SubscriptionStatusBadge({ status, cancelAtPeriodEnd }: { status: SubscriptionStatus; cancelAtPeriodEnd?: boolean }) {
  return <Badge tone={cancelAtPeriodEnd && status === "active" ? "warning" : TONES[status]}>{statusLabel(status, cancelAtPeriodEnd)}</Badge>;
}
