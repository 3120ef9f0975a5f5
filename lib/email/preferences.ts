import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { userPreferences, users } from "@/db/schema";

/**
 * What a user has agreed to receive:
 * - "marketing": news and offers (marketing_emails);
 * - "digest": daily / weekly digests (email_notifications, and alert_frequency not "instant");
 * - "alert": an instant alert email (email_notifications, and alert_frequency "instant").
 * Account emails (verification, reset, security notices) are always sent and never ask.
 * Deleted or deactivated accounts get nothing.
 */
export type EmailKind = "marketing" | "digest" | "alert";

export async function canEmail(userId: string, kind: EmailKind): Promise<boolean> {
  const [row] = await db
    .select({
      isActive: users.isActive,
      emailNotifications: userPreferences.emailNotifications,
      marketingEmails: userPreferences.marketingEmails,
      alertFrequency: userPreferences.alertFrequency,
    })
    .from(users)
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  if (!row || !row.isActive) return false;
  // No preferences row yet: the plan's defaults (notifications on, instant, marketing on).
  const notifications = row.emailNotifications ?? true;
  const frequency = row.alertFrequency ?? "instant";
  switch (kind) {
    case "marketing":
      return row.marketingEmails ?? true;
    case "digest":
      return notifications && frequency !== "instant";
    case "alert":
      return notifications && frequency === "instant";
  }
}
