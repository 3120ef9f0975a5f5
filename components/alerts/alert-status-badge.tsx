import { Badge, type BadgeTone } from "@/components/ui";
import { ALERT_STATUS_LABELS, type AlertStatus } from "@/lib/alerts/status";

const TONES: Record<AlertStatus, BadgeTone> = {
  monitoring: "success",
  grace: "warning",
  awaiting_payment: "info",
  payment_lapsed: "danger",
  paused: "neutral",
  dismissed: "neutral",
  deleted: "neutral",
};

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  return <Badge tone={TONES[status]}>{ALERT_STATUS_LABELS[status]}</Badge>;
}
