import { Badge } from "@/components/ui";

type Flags = { role: "user" | "admin"; emailVerified: boolean; isActive: boolean; locked: boolean; deleted: boolean; paying?: boolean };

/** A user's state at a glance; words, not only colours. */
export function UserBadges({ user }: { user: Flags }) {
  return (
    <span className="flex flex-wrap gap-1">
      {user.role === "admin" && <Badge tone="info">admin</Badge>}
      {user.deleted && <Badge tone="danger">deleted</Badge>}
      {!user.isActive && <Badge tone="danger">deactivated</Badge>}
      {user.locked && <Badge tone="warning">locked</Badge>}
      {user.emailVerified ? <Badge tone="success">verified</Badge> : <Badge tone="warning">unverified</Badge>}
      {user.paying && <Badge tone="success">paying</Badge>}
    </span>
  );
}
