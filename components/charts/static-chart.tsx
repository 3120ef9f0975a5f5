import type { CSSProperties } from "react";
import { BOX } from "./geometry";
import { LegendList, type LegendItem } from "./legend-list";

// A chart drawn once as plain SVG + HTML, with no script: the first view of every chart, so a
// page shows its picture with its HTML and recharts (~110 KB gzipped) loads only when the reader
// reaches for the interactive one (./chart-stage.tsx). Marks are drawn on a 1000 × 1000 SVG box
// stretched over the plot (strokes keep their width), so the picture fills any width with no
// measuring; text is HTML placed in percent, so it keeps its size. Positions are fractions of the
// plot (./geometry.ts): x from the left, y from the bottom.

/** A labelled point on an axis. */
export type AxisTick = { at: number; label: string };

/** What is drawn in the plot. Paths come from ./geometry.ts; rects and rules are in fractions. */
export type Mark =
  | { kind: "path"; d: string; stroke?: string; strokeWidth?: number; dash?: string; fill?: string; fillOpacity?: number; className?: string }
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill: string; fillOpacity?: number }
  | { kind: "rule"; axis: "x" | "y"; at: number; stroke: string; strokeWidth?: number; dash?: string };

/** Text in the plot (reference-line labels). `className` gives its colour in light and dark mode. */
export type PlotLabel = { text: string; x: number; y: number; anchor: "start" | "middle" | "end"; place: "above" | "below"; className: string };

/** A marker drawn in HTML so it stays round on a stretched plot. */
export type PlotDot = { x: number; y: number; fill: string; label?: PlotLabel };


export type StaticChartProps = {
  left: AxisTick[];
  right?: AxisTick[];
  bottom: AxisTick[];
  xTitle?: string;
  /** Vertical grid lines at the bottom ticks too (line charts; bar charts have none). */
  gridX?: boolean;
  marks: Mark[];
  labels?: PlotLabel[];
  dots?: PlotDot[];
  legend?: LegendItem[];
  /** Room above the plot for labels drawn above lines, as in the interactive chart's margins. */
  top?: number;
  /** Width of the left axis labels (recharts' YAxis width). */
  leftWidth?: number;
};

const GRID = "#94a3b833";
const AXIS = "var(--chart-text)";
const nonScaling = { vectorEffect: "non-scaling-stroke" } as const;

const at = (f: number) => `${(f * 100).toFixed(2)}%`;
const y = (f: number) => Math.round((1 - f) * BOX * 10) / 10;
const x = (f: number) => Math.round(f * BOX * 10) / 10;

/** Places a label's corner at its point: `bottom` pins the label's bottom edge, the transform nudges it. */
function labelStyle(l: PlotLabel): CSSProperties {
  const shiftX = l.anchor === "start" ? "4px" : l.anchor === "end" ? "calc(-100% - 4px)" : "-50%";
  const shiftY = l.place === "above" ? "-2px" : "calc(100% + 2px)";
  // A label wraps rather than run past the plot's edge (a long mortgage name on a phone would
  // otherwise widen the whole page): the room left on its side of x, or twice the nearer side.
  const room = l.anchor === "start" ? 1 - l.x : l.anchor === "end" ? l.x : 2 * Math.min(l.x, 1 - l.x);
  return { left: at(l.x), bottom: at(l.y), transform: `translate(${shiftX}, ${shiftY})`, maxWidth: `calc(${(room * 100).toFixed(2)}% - 8px)` };
}

function MarkShape({ mark }: { mark: Mark }) {
  switch (mark.kind) {
    case "path":
      return (
        <path
          d={mark.d}
          className={mark.className}
          fill={mark.fill ?? "none"}
          fillOpacity={mark.fillOpacity}
          stroke={mark.stroke}
          strokeWidth={mark.strokeWidth ?? 2}
          strokeDasharray={mark.dash}
          strokeLinejoin="round"
          style={nonScaling}
        />
      );
    case "rect":
      return <rect x={x(mark.x)} y={y(mark.y + mark.height)} width={x(mark.width)} height={Math.round(mark.height * BOX * 10) / 10} fill={mark.fill} fillOpacity={mark.fillOpacity} />;
    case "rule":
      return mark.axis === "x" ? (
        <line x1={x(mark.at)} x2={x(mark.at)} y1={0} y2={BOX} stroke={mark.stroke} strokeWidth={mark.strokeWidth ?? 1} strokeDasharray={mark.dash} style={nonScaling} />
      ) : (
        <line x1={0} x2={BOX} y1={y(mark.at)} y2={y(mark.at)} stroke={mark.stroke} strokeWidth={mark.strokeWidth ?? 1} strokeDasharray={mark.dash} style={nonScaling} />
      );
  }
}

/** The picture of a chart: axes, grid, marks, labels and legend, filling its (fixed-size) box. */
export function StaticChart({ left, right, bottom, xTitle, gridX, marks, labels = [], dots = [], legend, top = 8, leftWidth = 56 }: StaticChartProps) {
  const rightWidth = right ? 64 : 16;
  // Long labels (dates) would touch on a phone: there every other one is left out, keeping the last.
  const thinOnPhones = bottom.length > 4 && bottom.reduce((sum, t) => sum + t.label.length, 0) > 28;
  const rows = `${top}px minmax(0, 1fr) 24px${xTitle ? " 18px" : ""}${legend ? " 28px" : ""}`;
  return (
    <div
      className="grid h-full w-full select-none text-xs tabular-nums text-slate-500 dark:text-slate-400"
      style={{ gridTemplateColumns: `${leftWidth + 8}px minmax(0, 1fr) ${rightWidth}px`, gridTemplateRows: rows }}
      data-static-chart=""
    >
      <div className="relative col-start-1 row-start-2">
        {left.map((t) => (
          <span key={t.at} className="absolute right-2 -translate-y-1/2 whitespace-nowrap" style={{ top: at(1 - t.at) }}>
            {t.label}
          </span>
        ))}
      </div>
      <div className="relative col-start-2 row-start-2">
        <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox={`0 0 ${BOX} ${BOX}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {left.map((t) => (
            <line key={`gy${t.at}`} x1={0} x2={BOX} y1={y(t.at)} y2={y(t.at)} stroke={GRID} style={nonScaling} />
          ))}
          {gridX && bottom.map((t) => <line key={`gx${t.at}`} x1={x(t.at)} x2={x(t.at)} y1={0} y2={BOX} stroke={GRID} style={nonScaling} />)}
          {marks.map((m, i) => (
            <MarkShape key={i} mark={m} />
          ))}
          <line x1={0} x2={BOX} y1={BOX} y2={BOX} stroke={AXIS} style={nonScaling} />
          <line x1={0} x2={0} y1={0} y2={BOX} stroke={AXIS} style={nonScaling} />
          {right && <line x1={BOX} x2={BOX} y1={0} y2={BOX} stroke={AXIS} style={nonScaling} />}
        </svg>
        {labels.map((l) => (
          // A halo in the card's colour, as the interactive chart's labels have (./label-halo.ts).
          <span key={l.text} className={`absolute w-max [text-shadow:0_0_3px_var(--chart-halo),0_0_3px_var(--chart-halo)] ${l.className}`} style={labelStyle(l)}>
            {l.text}
          </span>
        ))}
        {dots.map((d) => (
          <span key={`${d.x},${d.y}`}>
            <span
              className="absolute size-3 -translate-x-1/2 translate-y-1/2 rounded-full border-2 border-white dark:border-slate-900"
              style={{ left: at(d.x), bottom: at(d.y), background: d.fill }}
            />
            {d.label && (
              <span className={`absolute whitespace-nowrap ${d.label.className}`} style={{ left: at(d.x), bottom: at(d.y), transform: "translate(-50%, -10px)" }}>
                {d.label.text}
              </span>
            )}
          </span>
        ))}
      </div>
      {right && (
        <div className="relative col-start-3 row-start-2">
          {right.map((t) => (
            <span key={t.at} className="absolute left-2 -translate-y-1/2 whitespace-nowrap" style={{ top: at(1 - t.at) }}>
              {t.label}
            </span>
          ))}
        </div>
      )}
      <div className="relative col-start-2 row-start-3">
        {bottom.map((t, i) => (
          <span key={t.at} className={`absolute top-1.5 -translate-x-1/2 whitespace-nowrap ${thinOnPhones && (bottom.length - 1 - i) % 2 ? "max-sm:hidden" : ""}`} style={{ left: at(t.at) }}>
            {t.label}
          </span>
        ))}
      </div>
      {xTitle && <p className="col-start-2 row-start-4 text-center">{xTitle}</p>}
      {legend && <LegendList items={legend} className={`col-span-3 ${xTitle ? "row-start-5" : "row-start-4"}`} />}
    </div>
  );
}
