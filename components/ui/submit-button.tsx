"use client";

import { useEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button-class";

function Spinner() {
  return <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />;
}

/**
 * A form's submit button: disabled with a spinner and `pendingText` while the action runs. Being
 * disabled drops keyboard focus to the page, so when the action is done focus goes where the user
 * needs it: the form's first field with an error (its message is read with it), else back here.
 */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  size = "md",
  className,
  ...props
}: ComponentProps<"button"> & { pendingText?: ReactNode; variant?: ButtonVariant; size?: ButtonSize }) {
  const { pending } = useFormStatus();
  const ref = useRef<HTMLButtonElement>(null);
  const wasPending = useRef(false);
  useEffect(() => {
    if (pending) {
      wasPending.current = true;
      return;
    }
    if (!wasPending.current) return;
    wasPending.current = false;
    // After the frame that shows the action's result (its field errors).
    const frame = requestAnimationFrame(() => {
      const button = ref.current;
      if (!button?.isConnected) return; // the page moved on (a redirect)
      const active = document.activeElement;
      if (active && active !== document.body && active !== button) return; // something else took focus
      const invalid = button.form?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? button).focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pending]);
  return (
    <button
      ref={ref}
      type="submit"
      className={buttonClass(variant, size, className)}
      disabled={pending || props.disabled}
      aria-disabled={pending || props.disabled}
      {...props}
    >
      {pending ? (
        <>
          <Spinner />
          <span>{pendingText ?? children}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}
