/**
 * Calendar dates as "yyyy-mm-dd" strings (the database's `date`). "Today" is UTC's unless a time
 * zone is given, so a server in any zone agrees on it. Plain TypeScript: used by server code,
 * forms and charts.
 */
import { wallClock } from "@/lib/format";

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Today's date where the homeowner is (an IANA zone, as lib/format.ts's DisplayFormat has it):
 * at 8 pm in Chicago that is still today, not UTC's tomorrow; in Sydney at 9 am, not UTC's
 * yesterday. An unknown zone reads as UTC.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const t = wallClock(now, timeZone);
  return `${t.y}-${String(t.m).padStart(2, "0")}-${String(t.d).padStart(2, "0")}`;
}

/**
 * The newest date that is today somewhere on Earth (UTC+14): the bound for "not in the future"
 * that never refuses a homeowner's own today, whatever their zone.
 */
export function latestTodayOnEarth(now: Date = new Date()): string {
  return todayIso(new Date(now.getTime() + 14 * 3600_000));
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
 * Monthly payments made between two dates: payment m falls on addMonths(from, m), the same day
 * of the month, or the month's last day when it is shorter (originated Jan 31: the first payment
 * is on Feb 28/29, as the balance chart dates it). Never negative.
 */
export function monthsBetween(fromIso: string, toIso: string): number {
  const [y1, m1] = parts(fromIso);
  const [y2, m2] = parts(toIso);
  const months = (y2 - y1) * 12 + (m2 - m1);
  return Math.max(0, addMonths(fromIso, months) > toIso ? months - 1 : months);
}

/** The date `months` after `iso`, clamped to the month's last day (Jan 31 + 1 -> Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}
