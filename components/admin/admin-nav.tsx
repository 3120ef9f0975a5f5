import { NavList, type NavItem } from "@/components/nav-list";

export const ADMIN_NAV: readonly NavItem[] = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/subscriptions", label: "Subscriptions" },
  { href: "/admin/invoices", label: "Invoices" },
  { href: "/admin/emails", label: "Email log" },
  { href: "/admin/rates", label: "Rates" },
  { href: "/admin/pricing", label: "Pricing" },
  { href: "/admin/triggers", label: "Triggers" },
];

/** The admin sections, as tabs. */
export function AdminNav() {
  return <NavList label="Admin" variant="tabs" items={ADMIN_NAV} />;
}
