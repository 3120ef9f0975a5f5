/** One item of a chart's legend: a swatch (square for bars and areas, line for lines) and its name. */
export type LegendItem = { label: string; color: string; shape: "square" | "line" };

/**
 * A chart's legend, the same in the static picture (./static-chart.tsx) and in the interactive
 * recharts drawing (passed as `<Legend content={...} />`): same order, slate text (a series
 * colour as text, amber on white, fails contrast), so nothing changes when one replaces the other.
 */
export function LegendList({ items, className = "" }: { items: LegendItem[]; className?: string }) {
  return (
    <ul className={`flex flex-wrap items-center justify-center gap-x-4 gap-y-1 text-xs ${className}`}>
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5 text-slate-600 dark:text-slate-300">
          <span aria-hidden className={item.shape === "line" ? "h-0.5 w-3.5" : "size-2.5"} style={{ background: item.color }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
