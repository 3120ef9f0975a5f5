import { NavList, type NavItem } from "./nav-list";

export const APP_NAV: readonly NavItem[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/mortgages", label: "Mortgages" },
  { href: "/calculators", label: "Calculators" },
  { href: "/rates", label: "Rates" },
  { href: "/alerts", label: "Alerts" },
  { href: "/history", label: "History" },
  { href: "/billing", label: "Billing" },
  { href: "/settings", label: "Settings" },
];

/** The homeowner's navigation, with Admin for admins. */
export function AppNav({ isAdmin }: { isAdmin: boolean }) {
  return <NavList label="App" variant="sidebar" items={isAdmin ? [...APP_NAV, { href: "/admin", label: "Admin" }] : APP_NAV} />;
}
