import { ComingSoon } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/session";

export default async function Page() {
  await requireUser("/dashboard");
  return <ComingSoon title="Dashboard" description="Your mortgages at a glance against today's market." />;
}
