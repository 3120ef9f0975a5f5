import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { userPreferences, type UserPreferences } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { PreferencesInput } from "./schemas";

export type Preferences = Omit<UserPreferences, "id" | "userId" | "createdAt" | "updatedAt">;

const FIELDS = [
  "emailNotifications",
  "alertFrequency",
  "marketingEmails",
  "theme",
  "currency",
  "dateFormat",
  "minRateDropThreshold",
  "autoCalculateRefiCost",
  "defaultRefiTerm",
  "shareAnonymousData",
] as const satisfies readonly (keyof Preferences)[];

function pick(row: UserPreferences): Preferences {
  return Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as Preferences;
}

/** The user's preferences; a missing row (an account made before preferences existed) is created with the defaults. */
export async function getPreferences(userId: string): Promise<Preferences> {
  const [row] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1);
  if (row) return pick(row);
  const [created] = await db.insert(userPreferences).values({ userId }).onConflictDoNothing().returning();
  if (created) return pick(created);
  const [again] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1);
  return pick(again!);
}

/** Saves every preference at once (the settings form sends them all) and records what changed. */
export async function updatePreferences(userId: string, input: Partial<PreferencesInput>): Promise<Preferences> {
  const before = await getPreferences(userId);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(userPreferences).set(input).where(eq(userPreferences.userId, userId)).returning();
    const after = pick(row!);
    const changed = FIELDS.filter((f) => before[f] !== after[f]);
    if (changed.length) {
      await audit(
        {
          actorId: userId,
          action: "user.preferences_update",
          targetType: "user_preferences",
          targetId: userId,
          before: Object.fromEntries(changed.map((f) => [f, before[f]])),
          after: Object.fromEntries(changed.map((f) => [f, after[f]])),
        },
        tx,
      );
    }
    return after;
  });
}
