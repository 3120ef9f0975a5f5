import { ComingSoon } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/session";

export default async function Page() {
  await requireUser("/alerts");
  return <ComingSoon title="Alerts" description="Alerts that email you when refinancing reaches your target." />;
}
