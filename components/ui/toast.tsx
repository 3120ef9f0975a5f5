"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { cn } from "./cn";

type Toast = { id: number; message: ReactNode; tone: "success" | "error" | "info"; action?: { label: string; onClick: () => void } };
type ToastApi = { show: (message: ReactNode, opts?: { tone?: Toast["tone"]; action?: Toast["action"]; durationMs?: number }) => void };

const ToastContext = createContext<ToastApi>({ show: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

/** Toasts live in a polite live region so screen readers announce them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback<ToastApi["show"]>((message, opts = {}) => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t, { id, message, tone: opts.tone ?? "success", action: opts.action }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), opts.durationMs ?? 6000);
  }, []);
  const dismiss = (id: number) => setToasts((t) => t.filter((x) => x.id !== id));
  return (
    <ToastContext.Provider value={{ show }}>
      {children}
      <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={cn(
              "pointer-events-auto flex w-full max-w-sm items-center justify-between gap-3 rounded-lg px-4 py-3 text-sm shadow-lg",
              t.tone === "error" ? "bg-red-600 text-white" : t.tone === "info" ? "bg-slate-800 text-white" : "bg-emerald-700 text-white",
            )}
          >
            <span>{t.message}</span>
            <span className="flex gap-2">
              {t.action && (
                <button
                  type="button"
                  className="rounded px-2 py-1 font-semibold underline"
                  onClick={() => {
                    t.action!.onClick();
                    dismiss(t.id);
                  }}
                >
                  {t.action.label}
                </button>
              )}
              <button type="button" aria-label="Dismiss" className="rounded px-1" onClick={() => dismiss(t.id)}>
                ✕
              </button>
            </span>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
