// Buttons and button-looking links. No "use client": a server component renders them straight to
// HTML (ButtonLink becomes a next/link, which every page loads anyway), so public pages ship no
// button code. SubmitButton needs the form's pending state and lives in ./submit-button.tsx.

import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button-class";

export { buttonClass } from "./button-class";

export function Button({
  variant = "primary",
  size = "md",
  className,
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button className={buttonClass(variant, size, className)} {...props} />;
}

/** A link that looks like a button. `pageLoad`: a plain <a> (a full page load, no client navigation). */
export function ButtonLink({
  variant = "primary",
  size = "md",
  className,
  pageLoad,
  ...props
}: ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize; pageLoad?: boolean }) {
  if (pageLoad) {
    const { href, prefetch: _prefetch, replace: _replace, scroll: _scroll, ...rest } = props;
    return <a className={buttonClass(variant, size, className)} href={String(href)} {...rest} />;
  }
  return <Link className={buttonClass(variant, size, className)} {...props} />;
}
