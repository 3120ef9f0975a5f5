/**
 * A halo in the card's own colour behind a chart label's letters (SVG paint-order: the stroke
 * first, the fill over it), so a label a data line runs through ("target 5.50%" on the backtest,
 * "Your rate" on /rates) stays readable. Spread into a recharts `label={{ ... }}`.
 */
export const LABEL_HALO = { stroke: "var(--chart-halo)", strokeWidth: 4, strokeLinejoin: "round", paintOrder: "stroke" } as const;
