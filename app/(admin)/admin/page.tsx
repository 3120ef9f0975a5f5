import { ComingSoon } from "@/components/app-shell";
import { requireAdmin } from "@/lib/auth/session";

export default async function AdminOverviewPage() {
  await requireAdmin("/admin");
  return <ComingSoon title="Admin" description="Users, subscriptions, invoices, email log, rates, pricing and metrics." />;
}
