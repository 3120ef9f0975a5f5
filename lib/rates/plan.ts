// What an import does to one rate type's stored series: which rows are inserted, updated or
// unchanged, and which neighbours need change_from_previous recomputed. Pure: the import reads the
// stored series inside its transaction, plans here, then writes only the rows this returns.

export type StoredRate = { date: string; rate: number; points: number | null; changeFromPrevious: number | null };
/** points undefined: the file carries no points for this row (a FRED series): keep what is stored. */
export type IncomingRate = { date: string; rate: number; points: number | null | undefined };
/** `recomputeOnly`: a stored row the file did not contain, written only for its change_from_previous. */
export type RateWrite = { date: string; rate: number; points: number | null; changeFromPrevious: number | null; recomputeOnly?: boolean };

export type TypePlan = {
  writes: RateWrite[];
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows not in the file whose change_from_previous changed (the week after a new or corrected one). */
  recomputed: number;
  /** The newest date after the import, when it is newer than the newest stored one. */
  newLatest: string | null;
};

// numeric(4,3): a week-on-week change must stay below 10 percentage points to be stored.
const MAX_CHANGE_THOUSANDTHS = 9999;

const thousandths = (v: number) => Math.round(v * 1000);
const hundredths = (v: number | null) => (v === null ? null : Math.round(v * 100));

/** rate − previous rate, exact to the thousandth (no float residue such as 0.10000000000000053). */
export function changeBetween(rate: number, previous: number | null): number | null {
  if (previous === null) return null;
  const diff = thousandths(rate) - thousandths(previous);
  return Math.abs(diff) > MAX_CHANGE_THOUSANDTHS ? null : diff / 1000;
}

export function planTypeImport(stored: readonly StoredRate[], incoming: readonly IncomingRate[]): TypePlan {
  const byDate = new Map(stored.map((r) => [r.date, { ...r }]));
  const touched = new Set<string>();
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (const row of incoming) {
    const current = byDate.get(row.date);
    if (!current) {
      byDate.set(row.date, { date: row.date, rate: row.rate, points: row.points ?? null, changeFromPrevious: null });
      touched.add(row.date);
      inserted++;
      continue;
    }
    const points = row.points === undefined ? current.points : row.points;
    if (thousandths(current.rate) === thousandths(row.rate) && hundredths(current.points) === hundredths(points)) {
      unchanged++;
      continue;
    }
    current.rate = row.rate;
    current.points = points;
    touched.add(row.date);
    updated++;
  }

  const series = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const writes: RateWrite[] = [];
  let recomputed = 0;
  let previous: number | null = null;
  for (const row of series) {
    const change = changeBetween(row.rate, previous);
    previous = row.rate;
    const changeDiffers = (change === null) !== (row.changeFromPrevious === null) || (change !== null && thousandths(change) !== thousandths(row.changeFromPrevious!));
    if (touched.has(row.date) || changeDiffers) {
      if (!touched.has(row.date)) recomputed++;
      writes.push({ date: row.date, rate: row.rate, points: row.points, changeFromPrevious: change, ...(touched.has(row.date) ? {} : { recomputeOnly: true }) });
    }
  }

  const storedNewest = stored.reduce<string | null>((m, r) => (m === null || r.date > m ? r.date : m), null);
  const newest = series.length ? series[series.length - 1]!.date : null;
  return { writes, inserted, updated, unchanged, recomputed, newLatest: newest !== null && (storedNewest === null || newest > storedNewest) ? newest : null };
}
