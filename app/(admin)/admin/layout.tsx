import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppShell } from "@/components/app-shell";
import { requireAdmin } from "@/lib/auth/session";

// Every page below checks requireAdmin() itself as well: a layout does not re-run on every
// navigation, and pages must never rely on it (e2e/admin.spec.ts visits each one).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <AppShell user={user}>
      <AdminNav />
      {children}
    </AppShell>
  );
}
