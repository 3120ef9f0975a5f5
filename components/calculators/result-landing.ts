import { useCallback, useRef, type RefObject } from "react";
import { useFocusAfterPending } from "@/components/ui/focus-after-pending";

/** True unless the box lies wholly inside a viewport `height` tall (it is above or below the fold). */
export function outOfView(box: { top: number; bottom: number }, height: number): boolean {
  return box.top < 0 || box.bottom > height;
}

/**
 * Where the reader is taken when a calculation ends: focus as for any submit button
 * (components/ui/focus-after-pending.ts; this form cannot use SubmitButton, it must also work as
 * a plain GET form before it is live), and, on a phone, where the result is below the form and
 * pressing Calculate seemed to do nothing, the result's heading scrolled into view when a result
 * (not errors) arrives, without taking focus.
 *
 * Returns `landed()`, for the form to call when a result arrives.
 */
export function useResultLanding(pending: boolean, button: RefObject<HTMLButtonElement | null>, heading: RefObject<HTMLElement | null>) {
  const hasLanded = useRef(false);
  useFocusAfterPending(pending, button, () => {
    const landed = hasLanded.current;
    hasLanded.current = false;
    const el = heading.current;
    if (landed && el && outOfView(el.getBoundingClientRect(), window.innerHeight)) {
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      el.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
    }
  });
  return useCallback(() => {
    hasLanded.current = true;
  }, []);
}
