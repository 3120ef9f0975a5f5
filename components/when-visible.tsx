"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Renders `children` once its box comes within `margin` of the viewport. The charts' drawings
 * (recharts, ~110 KB gzipped and a long task to start on a slow phone) then load when they are
 * about to be seen, not while a page below which they sit is still starting up. The box keeps its
 * size meanwhile, so nothing moves.
 */
export function WhenVisible({ children, className, margin = "100px" }: { children: ReactNode; className?: string; margin?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setVisible(true);
        observer.disconnect();
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [margin]);
  return (
    <div ref={ref} className={className}>
      {visible ? children : null}
    </div>
  );
}
