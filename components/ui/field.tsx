import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-lg border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 dark:bg-slate-900 dark:text-slate-100";
const okBorder = "border-slate-300 dark:border-slate-700";
// Stays red while focused (the aria-invalid variant outranks the control's brand focus colour):
// the field being corrected is the one that must still say it is wrong.
const errorBorder = "border-red-500 dark:border-red-500 aria-invalid:focus:border-red-600 aria-invalid:focus:ring-red-500/30";

type FieldProps = {
  label: ReactNode;
  name: string;
  error?: string | string[];
  hint?: ReactNode;
  className?: string;
};

function firstError(error?: string | string[]) {
  return Array.isArray(error) ? error[0] : error;
}

/** Label, control, hint and error, wired for screen readers (aria-invalid, aria-describedby). */
function FieldShell({ label, name, error, hint, className, children }: FieldProps & { children: (aria: object) => ReactNode }) {
  const id = `field-${name}`;
  const message = firstError(error);
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-200">
        {label}
      </label>
      {children({ id, name, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {message}
        </p>
      )}
    </div>
  );
}

export function Input({ label, name, error, hint, className, ...props }: FieldProps & Omit<ComponentProps<"input">, "name">) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint} className={className}>
      {(aria) => <input className={cn(control, firstError(error) ? errorBorder : okBorder)} {...aria} {...props} />}
    </FieldShell>
  );
}

export function Select({
  label,
  name,
  error,
  hint,
  className,
  options,
  ...props
}: FieldProps & Omit<ComponentProps<"select">, "name"> & { options: { value: string; label: string }[] }) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint} className={className}>
      {(aria) => (
        <select className={cn(control, firstError(error) ? errorBorder : okBorder)} {...aria} {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function Textarea({ label, name, error, hint, className, ...props }: FieldProps & Omit<ComponentProps<"textarea">, "name">) {
  return (
    <FieldShell label={label} name={name} error={error} hint={hint} className={className}>
      {(aria) => <textarea className={cn(control, firstError(error) ? errorBorder : okBorder)} {...aria} {...props} />}
    </FieldShell>
  );
}

export function Checkbox({ label, name, error, hint, className, ...props }: FieldProps & Omit<ComponentProps<"input">, "name" | "type">) {
  const id = `field-${name}`;
  const message = firstError(error);
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          className="mt-0.5 size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600 dark:border-slate-600"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined}
          {...props}
        />
        <label htmlFor={id} className="text-sm text-slate-700 dark:text-slate-200">
          {label}
          {hint && (
            <span id={`${id}-hint`} className="block text-xs text-slate-500 dark:text-slate-400">
              {hint}
            </span>
          )}
        </label>
      </div>
      {message && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {message}
        </p>
      )}
    </div>
  );
}

/** A form-level message (success or error), announced to screen readers. */
export function FormMessage({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" }) {
  if (!message) return null;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg px-3 py-2 text-sm",
        tone === "error"
          ? "bg-red-50 text-red-700 dark:bg-red-950/50 dark:text-red-300"
          : "bg-brand-50 text-brand-800 dark:bg-brand-800/30 dark:text-brand-100",
      )}
    >
      {message}
    </p>
  );
}
