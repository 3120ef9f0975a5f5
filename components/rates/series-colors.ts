import type { RateType } from "@/lib/rates/types";

/** One colour per rate type, in the chart, its toggles and its legend. */
export const SERIES_COLORS: Record<RateType, string> = {
  "30_year_fixed": "#2563eb",
  "15_year_fixed": "#7c3aed",
  "5_1_ARM": "#d97706",
  FHA_30: "#0891b2",
  VA_30: "#4d7c0f",
  "7_1_ARM": "#be185d",
  "10_1_ARM": "#57534e",
};

/** The signed-in reader's own rate (dashed line) and refi zone (shaded below it). */
export const OWN_COLORS = { line: "#e11d48", zone: "#10b981" };
