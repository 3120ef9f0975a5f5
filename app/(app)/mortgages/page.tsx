import { ComingSoon } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/session";

export default async function Page() {
  await requireUser("/mortgages");
  return <ComingSoon title="Mortgages" description="Add and track your mortgages and their balances." />;
}
