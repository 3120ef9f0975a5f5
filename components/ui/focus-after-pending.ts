import { useEffect, useRef, type RefObject } from "react";

/**
 * A submit button is disabled while its work runs, which drops keyboard focus to the page. When
 * `pending` turns false again (after the frame that shows the outcome, its field errors
 * included), focus goes where the user needs it: the form's first field with an error, else back
 * to the button; unless something else took focus meanwhile (the user typing on, a dialog), or the
 * button is gone (the page moved on). `after` runs in the same frame, for more of the same kind
 * (scrolling a result into view). Used by SubmitButton and the calculator form.
 */
export function useFocusAfterPending(pending: boolean, button: RefObject<HTMLButtonElement | null>, after?: () => void) {
  const wasPending = useRef(false);
  const afterRef = useRef(after);
  useEffect(() => {
    afterRef.current = after;
  });
  useEffect(() => {
    if (pending) {
      wasPending.current = true;
      return;
    }
    if (!wasPending.current) return;
    wasPending.current = false;
    const frame = requestAnimationFrame(() => {
      const el = button.current;
      if (!el?.isConnected) return;
      const active = document.activeElement;
      if (!active || active === document.body || active === el) {
        const invalid = el.form?.querySelector<HTMLElement>('[aria-invalid="true"]');
        // A field to correct is shown where it is; the button is not scrolled to.
        if (invalid) invalid.focus();
        else el.focus({ preventScroll: true });
      }
      afterRef.current?.();
    });
    return () => cancelAnimationFrame(frame);
  }, [pending, button]);
}
