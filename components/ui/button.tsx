"use client";

import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const variants: Record<Variant, string> = {
  // brand-700 under white text: 5.5:1 (brand-600 is 3.8:1, below WCAG AA for 14 px text).
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
  ghost: "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
  danger: "bg-red-600 text-white hover:bg-red-700",
};
const sizes: Record<Size, string> = { sm: "h-8 px-3 text-sm", md: "h-10 px-4 text-sm" };

export function buttonClass(variant: Variant = "primary", size: Size = "md", className?: string) {
  return cn(base, variants[variant], sizes[size], className);
}

export function Button({
  variant = "primary",
  size = "md",
  className,
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: Size }) {
  return <button className={buttonClass(variant, size, className)} {...props} />;
}

/** A link that looks like a button. `pageLoad`: a plain <a> (a full page load, no client navigation). */
export function ButtonLink({
  variant = "primary",
  size = "md",
  className,
  pageLoad,
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant; size?: Size; pageLoad?: boolean }) {
  if (pageLoad) {
    const { href, prefetch: _prefetch, replace: _replace, scroll: _scroll, ...rest } = props;
    return <a className={buttonClass(variant, size, className)} href={String(href)} {...rest} />;
  }
  return <Link className={buttonClass(variant, size, className)} {...props} />;
}

function Spinner() {
  return <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />;
}

/** A form's submit button: disabled with a spinner and `pendingText` while the action runs. */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  size = "md",
  className,
  ...props
}: ComponentProps<"button"> & { pendingText?: ReactNode; variant?: Variant; size?: Size }) {
  const { pending } = useFormStatus();
  return (
    <button
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
