// The choices the preferences form offers (no imports: the client form uses these too).
export const ALERT_FREQUENCIES = ["instant", "daily", "weekly"] as const;
export const THEMES = ["light", "dark", "system"] as const;
export const CURRENCIES = ["USD", "CAD", "EUR", "GBP", "AUD"] as const;
export const DATE_FORMATS = ["MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD"] as const;
export const REFI_TERMS = [120, 180, 240, 300, 360] as const;
export const MAX_RATE_DROP_THRESHOLD = 5;
