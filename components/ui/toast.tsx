"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

type Toast = {
  id: number;
  message: ReactNode;
  tone: "success" | "error" | "info";
  action?: { label: string; onClick: () => void };
  durationMs: number;
  maxMs?: number;
  focusAction: boolean;
};
type ShowOptions = {
  tone?: Toast["tone"];
  action?: Toast["action"];
  durationMs?: number;
  /** However long it is held open, it goes after this (an Undo the server accepts only for so long). */
  maxMs?: number;
  /** Moves focus to the action (an Undo after the focused control itself went away with what it deleted). */
  focusAction?: boolean;
};
type ToastApi = { show: (message: ReactNode, opts?: ShowOptions) => void };

const ToastContext = createContext<ToastApi>({ show: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

/** Toasts live in a polite live region so screen readers announce them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback<ToastApi["show"]>((message, opts = {}) => {
    const id = Date.now() + Math.random();
    const toast = { id, message, tone: opts.tone ?? "success", action: opts.action, durationMs: opts.durationMs ?? 6000, maxMs: opts.maxMs, focusAction: Boolean(opts.focusAction && opts.action) };
    setToasts((t) => [...t, toast]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  return (
    <ToastContext.Provider value={{ show }}>
      {children}
      <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/**
 * One toast. Its time runs only while nobody is reading or using it: hovering it or moving focus
 * into it pauses the countdown, leaving resumes it (so an Undo can always be reached, by pointer
 * or keyboard, up to its `maxMs`). Escape dismisses it.
 */
function ToastItem({ toast: t, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const actionRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Where focus was before the toast took it, to give it back when the toast goes.
  const returnTo = useRef<Element | null>(null);
  // Closing while focus is inside would drop it on <body> (a keyboard user starts over at the
  // top): it goes back where it was, or to the page's main region when that is gone too.
  const close = useCallback(() => {
    if (rootRef.current?.contains(document.activeElement)) {
      const back = returnTo.current;
      if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
      else {
        const main = document.getElementById("main");
        if (main) {
          if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
          main.focus({ preventScroll: true });
        }
      }
    }
    onDismiss(t.id);
  }, [onDismiss, t.id]);
  const [paused, setPaused] = useState({ hover: false, focus: false });
  const remaining = useRef(t.durationMs);
  const holding = paused.hover || paused.focus;

  useEffect(() => {
    if (t.focusAction) {
      returnTo.current = document.activeElement;
      actionRef.current?.focus();
    }
    if (!t.maxMs) return;
    const timer = setTimeout(close, t.maxMs);
    return () => clearTimeout(timer);
  }, [t.focusAction, t.maxMs, close]);

  useEffect(() => {
    if (holding) return;
    const started = Date.now();
    const timer = setTimeout(close, remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1000, remaining.current - (Date.now() - started));
    };
  }, [holding, close]);

  return (
    <div
      ref={rootRef}
      className={cn(
        "pointer-events-auto flex w-full max-w-sm items-center justify-between gap-3 rounded-lg px-4 py-3 text-sm shadow-lg",
        t.tone === "error" ? "bg-red-600 text-white" : t.tone === "info" ? "bg-slate-800 text-white" : "bg-emerald-700 text-white",
      )}
      onMouseEnter={() => setPaused((p) => ({ ...p, hover: true }))}
      onMouseLeave={() => setPaused((p) => ({ ...p, hover: false }))}
      onFocus={() => setPaused((p) => ({ ...p, focus: true }))}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setPaused((p) => ({ ...p, focus: false }))}
      onKeyDown={(e) => e.key === "Escape" && close()}
    >
      <span>{t.message}</span>
      <span className="flex gap-2">
        {t.action && (
          <button
            ref={actionRef}
            type="button"
            className="rounded px-2 py-1 font-semibold underline"
            onClick={() => {
              t.action!.onClick();
              close();
            }}
          >
            {t.action.label}
          </button>
        )}
        <button type="button" aria-label="Dismiss" className="rounded px-1" onClick={close}>
          ✕
        </button>
      </span>
    </div>
  );
}
