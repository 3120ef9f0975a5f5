// Pure geometry for the static chart pictures (./static-chart.tsx): round axis ticks, scales that
// map data to a fraction of the plot (0 = left / bottom, 1 = right / top), and SVG path strings.
// No DOM and no framework, so the server, the browser and unit tests all draw the same picture.

/** A point as fractions of the plot box: x from the left, y from the bottom. */
export type Frac = { x: number; y: number };

/**
 * Ticks on round steps (1, 2, 2.5 or 5 × 10ⁿ) that hold `min`..`max`, at most `maxTicks` of them,
 * like recharts' default number axis, so the picture and the interactive chart read alike.
 */
export function niceTicks(min: number, max: number, maxTicks = 5): { domain: [number, number]; ticks: number[] } {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.1;
  const intervals = Math.max(1, maxTicks - 1);
  const rough = (hi - lo) / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = power * 10;
  for (const m of [1, 2, 2.5, 5, 10]) {
    const s = m * power;
    if (Math.ceil(hi / s - 1e-9) - Math.floor(lo / s + 1e-9) <= intervals) {
      step = s;
      break;
    }
  }
  const from = Math.floor(lo / step + 1e-9) * step;
  const to = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; from + i * step <= to + step * 1e-9; i++) ticks.push(roundTo(from + i * step, step));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** Rounds away float noise (0.30000000000000004) at the precision of `step`. */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(decimals));
}

/** Maps a value in `domain` to 0..1 (values outside fall outside 0..1). */
export function linearScale([d0, d1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0 || 1;
  return (value) => (value - d0) / span;
}

/** Evenly spaced categories (bars): the centre of category `i` of `count`, and the width of one band. */
export function bandScale(count: number): { center: (i: number) => number; band: number } {
  const band = 1 / Math.max(1, count);
  return { center: (i) => (i + 0.5) * band, band };
}

/**
 * At most `max` of `count` category indexes to label, evenly spread, always with the last one
 * (the end of a loan is the number readers look for).
 */
export function labelIndexes(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const every = Math.ceil(count / max);
  const picked: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) picked.unshift(i);
  return picked;
}

/** The SVG viewBox side: fractions are drawn on a 1000 × 1000 box stretched over the plot. */
export const BOX = 1000;

const coord = (f: number) => Math.round(f * BOX * 10) / 10;
const px = (p: Frac) => `${coord(p.x)} ${coord(1 - p.y)}`;

/** A polyline through the points; a `null` breaks the line (a gap in the data). */
export function linePath(points: (Frac | null)[]): string {
  const parts: string[] = [];
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? "L" : "M"}${px(p)}`);
    pen = true;
  }
  return parts.join(" ");
}

/** The area between each run of points and the bottom of the plot (`base`, a fraction); `null` splits runs. */
export function areaPath(points: (Frac | null)[], base = 0): string {
  const runs: Frac[][] = [[]];
  for (const p of points) {
    if (p) runs[runs.length - 1]!.push(p);
    else if (runs[runs.length - 1]!.length) runs.push([]);
  }
  return runs
    .filter((run) => run.length > 1)
    .map((run) => {
      const top = run.map((p, i) => `${i ? "L" : "M"}${px(p)}`).join(" ");
      return `${top} L${px({ x: run[run.length - 1]!.x, y: base })} L${px({ x: run[0]!.x, y: base })} Z`;
    })
    .join(" ");
}

/** Clamps a fraction to the plot, so reference lines and areas never draw outside it. */
export const clamp01 = (f: number) => Math.min(1, Math.max(0, f));
