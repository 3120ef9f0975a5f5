import "server-only";
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, queryRows } from "@/db";
import {
  alerts,
  auditLog,
  calculationHistory,
  emailLog,
  invoices,
  mortgages,
  subscriptions,
  userPreferences,
  users,
  type User,
} from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { displayFormatOf, type DisplayFormat } from "@/lib/format";
import { decodeCursor, keysetPage } from "./cursor";
import { assertAdmin } from "./guard";

export type UserFilter = "verified" | "unverified" | "locked" | "deactivated" | "deleted" | "paying";

export type UserSearchParams = {
  q?: string;
  filters?: UserFilter[];
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor?: string | null;
  limit?: number;
};

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: "user" | "admin";
  emailVerified: boolean;
  isActive: boolean;
  locked: boolean;
  deleted: boolean;
  paying: boolean;
  createdAt: string;
  lastLoginAt: string | null;
};

// A subscription that is still billing (or about to): "paying" in the admin's filter.
const PAYING = sql`EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id AND s.status IN ('active', 'trialing', 'past_due'))`;

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The admin user list: search by email or name, filters, newest first, keyset-paginated on
 * (created_at, id) so a page costs the same at page 1 and page 500 (idx_users_created). An
 * address typed in full is an exact lookup on the email index. Exported for the benchmark.
 * Deleted accounts only show with the "deleted" filter.
 */
export async function searchUsers(params: UserSearchParams = {}): Promise<{ rows: UserRow[]; nextCursor: string | null }> {
  const { query, limit } = searchUsersQuery(params);
  const rows = await queryRows<UserListRow>(db, query);
  return keysetPage(rows, limit, (r) => r.created_at, (r): UserRow => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    emailVerified: r.email_verified,
    isActive: r.is_active,
    locked: r.locked,
    deleted: r.deleted,
    paying: r.paying,
    createdAt: r.created_at_iso,
    lastLoginAt: r.last_login_at,
  }));
}

type UserListRow = {
  id: string;
  name: string;
  email: string;
  role: "user" | "admin";
  email_verified: boolean;
  is_active: boolean;
  locked: boolean;
  deleted: boolean;
  paying: boolean;
  created_at: string;
  created_at_iso: string;
  last_login_at: string | null;
};

/** searchUsers' statement (exported for the tests of its plan). */
export function searchUsersQuery(params: UserSearchParams = {}): { query: SQL; limit: number } {
  const limit = Math.min(Math.max(params.limit ?? 25, 1), 100);
  const filters = new Set(params.filters ?? []);
  const where: SQL[] = [];
  const q = params.q?.trim().toLowerCase().slice(0, 255);
  if (q) {
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q)) where.push(sql`u.email = ${q}`);
    else {
      const pattern = `%${escapeLike(q)}%`;
      where.push(sql`(u.email LIKE ${pattern} OR lower(u.name) LIKE ${pattern})`);
    }
  }
  where.push(filters.has("deleted") ? sql`u.deleted_at IS NOT NULL` : sql`u.deleted_at IS NULL`);
  if (filters.has("verified")) where.push(sql`u.email_verified`);
  if (filters.has("unverified")) where.push(sql`NOT u.email_verified`);
  if (filters.has("locked")) where.push(sql`u.locked_until > now()`);
  if (filters.has("deactivated")) where.push(sql`NOT u.is_active`);
  if (filters.has("paying")) where.push(PAYING);
  const cursor = decodeCursor(params.cursor);
  if (cursor) {
    // created_at <= c first: that half is what the index range scan uses.
    where.push(sql`u.created_at <= ${cursor.at}::timestamptz AND (u.created_at < ${cursor.at}::timestamptz OR u.id < ${cursor.id}::uuid)`);
  }
  return {
    limit,
    query: sql`SELECT u.id, u.name, u.email, u.role, u.email_verified, u.is_active,
               coalesce(u.locked_until > now(), false) AS locked, u.deleted_at IS NOT NULL AS deleted,
               ${PAYING} AS paying,
               u.created_at::text AS created_at, to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at_iso,
               to_char(u.last_login_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_login_at
        FROM users u
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY u.created_at DESC, u.id DESC
        LIMIT ${limit + 1}`,
  };
}

const actors = alias(users, "actor");

export type UserDetail = {
  user: Omit<User, "passwordHash">;
  mortgages: (typeof mortgages.$inferSelect)[];
  alerts: (typeof alerts.$inferSelect)[];
  subscriptions: (typeof subscriptions.$inferSelect)[];
  invoices: (typeof invoices.$inferSelect)[];
  emails: (typeof emailLog.$inferSelect)[];
  calculations: { type: string; count: number }[];
  /** What happened to the account, newest first, with who did it (null: the system). */
  audit: ((typeof auditLog.$inferSelect) & { actorEmail: string | null })[];
  liveEmailTaken: boolean;
  /** The user's own currency and date format: their amounts read as they see them. */
  display: DisplayFormat;
};

/** Everything an admin sees on a user's page (any state, including deleted). */
export async function getUserDetail(actorId: string, userId: string): Promise<UserDetail> {
  await assertAdmin(actorId);
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new NotFoundError("No such user.");
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw new NotFoundError("No such user.");
  const { passwordHash: _omit, ...user } = row;
  void _omit;
  const [m, a, s, i, e, c, au, taken, prefs] = await Promise.all([
    db.select().from(mortgages).where(eq(mortgages.userId, userId)).orderBy(desc(mortgages.createdAt)),
    db.select().from(alerts).where(eq(alerts.userId, userId)).orderBy(desc(alerts.createdAt)),
    db.select().from(subscriptions).where(eq(subscriptions.userId, userId)).orderBy(desc(subscriptions.createdAt)),
    db.select().from(invoices).where(eq(invoices.userId, userId)).orderBy(desc(invoices.invoiceDate)).limit(50),
    db.select().from(emailLog).where(eq(emailLog.userId, userId)).orderBy(desc(emailLog.createdAt)).limit(25),
    db
      .select({ type: calculationHistory.calculationType, count: count() })
      .from(calculationHistory)
      .where(eq(calculationHistory.userId, userId))
      .groupBy(calculationHistory.calculationType),
    db
      .select({ entry: auditLog, actorEmail: actors.email })
      .from(auditLog)
      .leftJoin(actors, eq(actors.id, auditLog.actorId))
      .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId)))
      .orderBy(desc(auditLog.createdAt))
      .limit(25)
      .then((rows) => rows.map((r) => ({ ...r.entry, actorEmail: r.actorEmail }))),
    row.deletedAt
      ? db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.email, row.email), sql`${users.deletedAt} IS NULL`))
          .limit(1)
      : Promise.resolve([]),
    db.select({ currency: userPreferences.currency, dateFormat: userPreferences.dateFormat }).from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1),
  ]);
  return {
    user,
    mortgages: m,
    alerts: a,
    subscriptions: s,
    invoices: i,
    emails: e,
    calculations: c.map((x) => ({ type: x.type, count: Number(x.count) })),
    audit: au,
    display: displayFormatOf(prefs[0]),
    liveEmailTaken: taken.length > 0,
  };
}
