/**
 * Keyset cursors for the admin lists: the last row's sort key (a timestamptz as PostgreSQL's own
 * text, so microseconds survive the round trip) and its id, as one opaque URL-safe string.
 */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
}

// PostgreSQL's text for a timestamptz ("2026-11-30 08:00:52.467123+00") or an ISO string.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?$/;

/** A real instant only: the database casts the cursor, and "2024-99-99" would fail the query (a 500). */
function isTimestamp(at: string): boolean {
  const m = TIMESTAMP.exec(at);
  if (!m) return false;
  const [year, month, day, hour, minute, second = "0", offsetHours = "0", offsetMinutes = "0"] = m.slice(1);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) &&
    Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60 && Number(offsetHours) < 16 && Number(offsetMinutes) < 60
  );
}

export function decodeCursor(cursor: string | null | undefined): { at: string; id: string } | null {
  if (!cursor || cursor.length > 200) return null;
  const [at, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || extra !== undefined || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) || !isTimestamp(at)) return null;
  return { at, id };
}

/**
 * One page of a keyset query that asked for `limit + 1` rows: the extra row only says that a next
 * page exists; the cursor points after the last row shown.
 */
export function keysetPage<R extends { id: string }, T>(rows: R[], limit: number, sortKey: (row: R) => string, toRow: (row: R) => T): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page.map(toRow), nextCursor: rows.length > limit && last ? encodeCursor(sortKey(last), last.id) : null };
}
