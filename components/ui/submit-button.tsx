"use client";

import { useRef, type ComponentProps, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button-class";
import { useFocusAfterPending } from "./focus-after-pending";

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
  useFocusAfterPending(pending, ref);
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
