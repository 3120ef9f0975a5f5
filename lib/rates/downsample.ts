// Min/max downsampling for long rate histories: keeps the first and last points and, from each
// bucket of the interior, its lowest and highest rate, so peaks (18.63 % in Oct 1981) and troughs
// (2.65 % in Jan 2021) survive however far the chart zooms out. Pure; no framework imports.

export const DEFAULT_MAX_POINTS = 600;

/**
 * At most `maxPoints` of `points` (in their original order), keeping the first, the last, and the
 * minimum and maximum `value` of each bucket. `maxPoints` must be at least 4 (first, last and one
 * bucket's min and max).
 */
export function downsampleMinMax<T>(points: readonly T[], maxPoints: number, value: (p: T) => number): T[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 4) throw new RangeError("maxPoints must be an integer of at least 4");
  const n = points.length;
  if (n <= maxPoints) return points.slice();
  const interiorStart = 1;
  const interiorEnd = n - 1; // exclusive
  const interior = interiorEnd - interiorStart;
  const buckets = Math.floor((maxPoints - 2) / 2);
  const out: T[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const from = interiorStart + Math.floor((b * interior) / buckets);
    const to = interiorStart + Math.floor(((b + 1) * interior) / buckets);
    if (from >= to) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      const v = value(points[i]!);
      if (v < value(points[lo]!)) lo = i;
      if (v > value(points[hi]!)) hi = i;
    }
    if (lo === hi) out.push(points[lo]!);
    else if (lo < hi) out.push(points[lo]!, points[hi]!);
    else out.push(points[hi]!, points[lo]!);
  }
  out.push(points[n - 1]!);
  return out;
}
