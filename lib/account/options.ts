// The choices the preferences form offers (no imports: the client form uses these too).
export const ALERT_FREQUENCIES = ["instant", "daily", "weekly"] as const;
export const THEMES = ["light", "dark", "system"] as const;
export const CURRENCIES = ["USD", "CAD", "EUR", "GBP", "AUD"] as const;
export const DATE_FORMATS = ["MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD"] as const;
export const REFI_TERMS = [120, 180, 240, 300, 360] as const;
export const MAX_RATE_DROP_THRESHOLD = 5;

/** How each currency reads on the settings form: its name and the sign amounts are shown with. */
export const CURRENCY_LABELS: Record<(typeof CURRENCIES)[number], string> = {
  USD: "US dollar ($)",
  CAD: "Canadian dollar (CA$)",
  EUR: "Euro (€)",
  GBP: "British pound (£)",
  AUD: "Australian dollar (A$)",
};

/** The stored value is the plan's pattern; the form names each by what it shows (lib/format.ts). */
export const DATE_FORMAT_LABELS: Record<(typeof DATE_FORMATS)[number], string> = {
  "MM/DD/YYYY": "Sep 24, 2026 (month first)",
  "DD/MM/YYYY": "24 Sep 2026 (day first)",
  "YYYY-MM-DD": "2026-09-24 (year first, ISO)",
};
