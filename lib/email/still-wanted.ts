import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { EmailLog } from "@/db/schema";

const ALERT_EMAILS: readonly EmailLog["emailType"][] = ["alert_notification", "daily_digest", "weekly_digest"];

/**
 * Whether an alert email (an alert notification or a digest) should still go out when it is
 * sent later than it was queued (a retry hours after an outage, or the rest of a heavy week):
 * the account must still be active, not deleted, with alert emails on; a notification's alert
 * must still be there, and its trigger not dismissed or acted on in the app meanwhile. Returns
 * why not, or null. Any other email (verification, receipts, ...) is always still wanted.
 */
export async function whyNotWanted(row: Pick<EmailLog, "emailType" | "userId" | "triggerId">): Promise<string | null> {
  if (!ALERT_EMAILS.includes(row.emailType) || !row.userId) return null;
  const [state] = await queryRows<{ account: boolean; trigger: boolean }>(
    db,
    sql`SELECT
          EXISTS (SELECT 1 FROM users u LEFT JOIN user_preferences p ON p.user_id = u.id
                  WHERE u.id = ${row.userId}::uuid AND u.deleted_at IS NULL AND u.is_active AND coalesce(p.email_notifications, TRUE)) AS account,
          ${
            row.emailType === "alert_notification" && row.triggerId
              ? sql`EXISTS (SELECT 1 FROM triggers t JOIN alerts a ON a.id = t.alert_id
                            WHERE t.id = ${row.triggerId}::uuid AND t.user_action IS NULL AND a.deleted_at IS NULL)`
              : sql`TRUE`
          } AS trigger`,
  );
  if (!state?.account) return "Not sent: the account was closed, deactivated or turned alert emails off since this email was queued.";
  if (!state.trigger) return "Not sent: the alert was deleted, or its owner dealt with this notification in the app, since it was queued.";
  return null;
}
