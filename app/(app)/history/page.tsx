import { ComingSoon } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/session";

export default async function Page() {
  await requireUser("/history");
  return <ComingSoon title="History" description="Your saved calculator runs." />;
}
