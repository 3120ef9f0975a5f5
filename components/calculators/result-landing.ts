import { useCallback, useEffect, useRef, type RefObject } from "react";

/** True unless the box lies wholly inside a viewport `height` tall (it is above or below the fold). */
export function outOfView(box: { top: number; bottom: number }, height: number): boolean {
  return box.top < 0 || box.bottom > height;
}

/** After the frame that shows the outcome: focus where the reader needs it, and the result into view. */
function settle(button: HTMLButtonElement | null, heading: HTMLElement | null, landed: boolean) {
  if (!button) return;
  const active = document.activeElement;
  // Only if nothing else took focus meanwhile (the reader typing on in a field, say).
  if (!active || active === document.body || active === button) {
    const invalid = button.form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A field to correct is shown where it is; Calculate is not scrolled to, the result is.
    if (invalid) invalid.focus();
    else button.focus({ preventScroll: true });
  }
  if (landed && heading && outOfView(heading.getBoundingClientRect(), window.innerHeight)) {
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    heading.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
  }
}

/**
 * Where the reader is taken when a calculation ends. Calculate is disabled while it runs, which
 * drops keyboard focus to the page, so afterwards focus goes where the reader needs it, as
 * components/ui/submit-button.tsx does for server-action forms (this form cannot use it: it must
 * also work as a plain GET form before it is live): the first field with an error, else back to
 * Calculate. And on a phone the result is below the form, so pressing Calculate seemed to do
 * nothing: when a result arrives, its heading is scrolled into view if it is off screen, without
 * taking focus.
 *
 * Returns `landed()`, for the form to call when a result (not errors) arrives.
 */
export function useResultLanding(pending: boolean, button: RefObject<HTMLButtonElement | null>, heading: RefObject<HTMLElement | null>) {
  const wasPending = useRef(false);
  const hasLanded = useRef(false);
  useEffect(() => {
    if (pending) {
      wasPending.current = true;
      return;
    }
    if (!wasPending.current) return;
    wasPending.current = false;
    const landed = hasLanded.current;
    hasLanded.current = false;
    const frame = requestAnimationFrame(() => settle(button.current, heading.current, landed));
    return () => cancelAnimationFrame(frame);
  }, [pending, button, heading]);
  return useCallback(() => {
    hasLanded.current = true;
  }, []);
}
