/**
 * Calendar dates as "yyyy-mm-dd" strings (the database's `date`), in UTC so a server in any
 * time zone agrees on "today". Plain TypeScript: used by server code, forms and charts.
 */

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parts(iso: string): [number, number, number] {
  return iso.slice(0, 10).split("-").map(Number) as [number, number, number];
}

/**
 * Monthly payments made between two dates: whole months elapsed, counting a month only once
 * its day has come (originated Jan 31 -> one payment by Feb 28 is not yet due; by Mar 1 it is).
 * Never negative.
 */
export function monthsBetween(fromIso: string, toIso: string): number {
  const [y1, m1, d1] = parts(fromIso);
  const [y2, m2, d2] = parts(toIso);
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.max(0, months);
}

/** The date `months` after `iso`, clamped to the month's last day (Jan 31 + 1 -> Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}
