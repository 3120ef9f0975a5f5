-- Custom migration (a data change: drizzle-kit generates only schema changes).
-- A monthly_payment alert's trigger kept its target and the market payment in dollars
-- (numeric(12,3)); money is kept in cents everywhere else, and the app now writes and reads
-- cents here too. Rate alerts' values are percents and stay as they are.
UPDATE "triggers" AS t
SET "threshold_value" = round(t."threshold_value" * 100),
    "current_value" = round(t."current_value" * 100)
FROM "alerts" AS a
WHERE a."id" = t."alert_id" AND a."alert_type" = 'monthly_payment';
