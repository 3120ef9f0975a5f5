"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLayoutEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

/** `exact`: active only on its own path (an overview whose sections live below it). */
export type NavItem = { href: string; label: string; exact?: boolean };

export function isActivePath(pathname: string, item: NavItem): boolean {
  if (pathname === item.href) return true;
  return !item.exact && pathname.startsWith(`${item.href}/`);
}

const STYLES = {
  // The homeowner's navigation: every link in view on a phone (a grid of three columns: a row
  // that scrolled sideways hid half of them, and keyboard focus could land off-screen), a wrapping
  // row on a small tablet, a sidebar from md up.
  sidebar: {
    nav: "",
    list: "grid grid-cols-3 gap-1 sm:flex sm:flex-wrap md:flex-col",
    link: "block whitespace-nowrap rounded-lg px-3 py-2 text-center text-sm font-medium sm:text-left",
    active: "bg-brand-50 text-brand-800 dark:bg-brand-800/30 dark:text-brand-100",
    idle: "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
  },
  // Section tabs (admin): underlined, scrolling sideways on phones.
  tabs: {
    nav: "scroll-fade-x -mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4 md:mx-0 md:px-0 dark:border-slate-800",
    list: "flex gap-1",
    link: "block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
    active: "border-brand-600 text-brand-800 dark:text-brand-100",
    idle: "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100",
  },
} as const;

/** A labelled navigation whose link for the current page says so (aria-current="page"). */
export function NavList({ label, items, variant }: { label: string; items: readonly NavItem[]; variant: keyof typeof STYLES }) {
  const pathname = usePathname();
  const s = STYLES[variant];
  const navRef = useRef<HTMLElement>(null);
  // On a phone the row is wider than the screen, and the current page's link (Settings, say) would
  // start off-screen: centre it (the browser clamps the scroll). Only the row scrolls, never the
  // page, and only when it overflows: the sidebar from md up never does.
  useLayoutEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current || nav.scrollWidth <= nav.clientWidth) return;
    const row = nav.getBoundingClientRect();
    const link = current.getBoundingClientRect();
    nav.scrollLeft += link.left - row.left - (row.width - link.width) / 2;
  }, [pathname]);
  return (
    <nav ref={navRef} aria-label={label} className={s.nav}>
      <ul className={s.list}>
        {items.map((item) => {
          const active = isActivePath(pathname, item);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={active ? "page" : undefined} className={cn(s.link, active ? s.active : s.idle)}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
