"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A next/link that prefetches its page when the reader shows intent — pointer over it, a touch,
 * keyboard focus — rather than as soon as it scrolls into view. On a phone, viewport prefetching
 * of every header link fetches and decodes several pages right after load, long tasks that land
 * in the page's start-up (Lighthouse's TBT); a touch still comes ~100 ms before the click, so the
 * page is usually on its way when the navigation starts.
 */
export function IntentLink({ href, onMouseEnter, onTouchStart, onFocus, ...props }: Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        prefetch();
        onMouseEnter?.(e);
      }}
      onTouchStart={(e) => {
        prefetch();
        onTouchStart?.(e);
      }}
      onFocus={(e) => {
        prefetch();
        onFocus?.(e);
      }}
      {...props}
    />
  );
}
