import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";

// Opens and clicks reported by the tracking routes. Status only moves forward
// (sent → opened → clicked); the first time of each is kept.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function recordOpen(emailId: string): Promise<boolean> {
  if (!UUID.test(emailId)) return false;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE email_log SET opened_at = COALESCE(opened_at, now()), updated_at = now(),
          status = CASE WHEN status = 'sent' THEN 'opened'::email_status ELSE status END
        WHERE id = ${emailId} RETURNING id`,
  );
  return rows.length > 0;
}

export async function recordClick(emailId: string): Promise<boolean> {
  if (!UUID.test(emailId)) return false;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE email_log SET clicked_at = COALESCE(clicked_at, now()), opened_at = COALESCE(opened_at, now()), updated_at = now(),
          status = CASE WHEN status IN ('sent', 'opened') THEN 'clicked'::email_status ELSE status END
        WHERE id = ${emailId} RETURNING id`,
  );
  return rows.length > 0;
}
