import { ComingSoon } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/session";

export default async function Page() {
  await requireUser("/settings");
  return <ComingSoon title="Settings" description="Your profile, password and preferences." />;
}
