import { ComingSoon } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/session";

export default async function Page() {
  await requireUser("/billing");
  return <ComingSoon title="Billing" description="Your alert subscriptions and invoices." />;
}
