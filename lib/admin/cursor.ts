/**
 * Keyset cursors for the admin lists: the last row's sort key (a timestamptz as PostgreSQL's own
 * text, so microseconds survive the round trip) and its id, as one opaque URL-safe string.
 */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): { at: string; id: string } | null {
  if (!cursor || cursor.length > 200) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || !/^[0-9a-f-]{36}$/i.test(id) || !/^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)?$/.test(at)) return null;
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
