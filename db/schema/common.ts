import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key: random UUID made by the database (no sequential ids in URLs). */
export const id = () => uuid("id").primaryKey().default(sql`gen_random_uuid()`);

/** timestamptz, surfaced as a JS Date. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => tstz("created_at").notNull().defaultNow();
/** Set on insert and on every update made through drizzle. */
export const updatedAt = () =>
  tstz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
