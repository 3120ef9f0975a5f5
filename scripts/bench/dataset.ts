import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export const BENCH_SIZES = { users: 10_000, mortgagesPerUser: 2, alertsPerMortgage: 5, calculations: 500_000, emails: 1_000_000 };
export const BENCH_PASSWORD = "bench-password-not-secret";
export const benchEmail = (n: number) => `user${n}@bench.refialert.test`;

/**
 * The benchmark's data set, built set-based (INSERT ... SELECT generate_series) so it takes
 * seconds, not minutes: 10,000 users, 20,000 mortgages, 100,000 alerts each with an active
 * subscription, 500,000 calculation_history rows and 1,000,000 email_log rows. Rates and plans
 * come from the normal seed.
 */
export async function fillBenchData(db: Db, passwordHash: string, log: (l: string) => void = () => {}): Promise<void> {
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t = performance.now();
    await db.execute(query);
    log(`  ${label} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  };
  const { users, mortgagesPerUser, alertsPerMortgage, calculations, emails } = BENCH_SIZES;

  await step(
    `${users.toLocaleString()} users`,
    sql`INSERT INTO users (email, name, password_hash, email_verified, email_verified_at, created_at, failed_login_attempts, locked_until, is_active)
        SELECT 'user' || g || '@bench.refialert.test', 'Bench User ' || g, ${passwordHash}, g % 10 <> 0, CASE WHEN g % 10 <> 0 THEN now() END,
               now() - (g % 365) * interval '1 day', CASE WHEN g % 97 = 0 THEN 5 ELSE 0 END,
               CASE WHEN g % 97 = 0 THEN now() + interval '10 minutes' END, g % 211 <> 0
        FROM generate_series(1, ${users}) g`,
  );
  await step("preferences", sql`INSERT INTO user_preferences (user_id, alert_frequency) SELECT id, (ARRAY['instant','daily','weekly'])[1 + (abs(hashtext(id::text)) % 3)]::alert_frequency FROM users WHERE email LIKE '%@bench.refialert.test'`);
  await step(
    `${(users * mortgagesPerUser).toLocaleString()} mortgages`,
    sql`INSERT INTO mortgages (user_id, name, zip_code, original_principal_cents, original_term, original_interest_rate, remaining_principal_cents, remaining_term, origination_date)
        SELECT u.id, 'Home ' || k, lpad(((abs(hashtext(u.id::text)) % 99999) + 1)::text, 5, '0'),
               p.principal, 360, 3 + (abs(hashtext(u.id::text || k)) % 500) / 100.0, (p.principal * 0.9)::bigint, 300, current_date - interval '5 years'
        FROM users u CROSS JOIN generate_series(1, ${mortgagesPerUser}) k
        CROSS JOIN LATERAL (SELECT (20000000 + (abs(hashtext(u.id::text || k || 'p')) % 80000000))::bigint AS principal) p
        WHERE u.email LIKE '%@bench.refialert.test'`,
  );
  await step(
    `${(users * mortgagesPerUser * alertsPerMortgage).toLocaleString()} alerts`,
    sql`INSERT INTO alerts (user_id, mortgage_id, alert_type, target_interest_rate, target_monthly_payment_cents, target_term, estimate_refinance_cost_cents)
        SELECT m.user_id, m.id,
               CASE WHEN k % 2 = 0 THEN 'interest_rate' ELSE 'monthly_payment' END::alert_type,
               CASE WHEN k % 2 = 0 THEN 4 + k * 0.5 END,
               CASE WHEN k % 2 = 1 THEN 150000 + k * 40000 END,
               CASE WHEN k % 3 = 0 THEN 180 ELSE 360 END, 500000
        FROM mortgages m CROSS JOIN generate_series(1, ${alertsPerMortgage}) k
        JOIN users u ON u.id = m.user_id WHERE u.email LIKE '%@bench.refialert.test'`,
  );
  await step(
    "active subscriptions, one per alert",
    sql`INSERT INTO subscriptions (user_id, alert_id, stripe_customer_id, stripe_subscription_id, stripe_price_id, status, current_period_start, current_period_end, amount_cents, interval, created_at)
        SELECT a.user_id, a.id, 'cus_bench_' || substr(a.user_id::text, 1, 8), 'sub_bench_' || a.id, 'price_bench_yearly', 'active',
               now() - interval '30 days', now() + interval '335 days', 12000, 'year', now() - (abs(hashtext(a.id::text)) % 300) * interval '1 day'
        FROM alerts a JOIN users u ON u.id = a.user_id WHERE u.email LIKE '%@bench.refialert.test'`,
  );
  await step(
    `${calculations.toLocaleString()} calculation_history rows`,
    sql`INSERT INTO calculation_history (user_id, calculation_type, input_params, output_results, created_at)
        SELECT ids.a[1 + g % array_length(ids.a, 1)],
               (ARRAY['monthly_payment','break_even','efficient_frontier','refinance_savings','amortization','target_rate'])[1 + g % 6]::calculation_type,
               jsonb_build_object('principal', 400000, 'rate', 4.5, 'termYears', 30), jsonb_build_object('monthlyPayment', 2026.74),
               now() - (g % 180) * interval '1 day' - (g % 1440) * interval '1 minute'
        FROM generate_series(1, ${calculations}) g
        CROSS JOIN (SELECT array_agg(id) AS a FROM users WHERE email LIKE '%@bench.refialert.test') ids`,
  );
  await step(
    `${emails.toLocaleString()} email_log rows`,
    sql`INSERT INTO email_log (user_id, recipient_email, email_type, subject, status, sent_at, error_message, attempts, template, template_params, created_at)
        SELECT ids.a[1 + g % array_length(ids.a, 1)], ids.e[1 + g % array_length(ids.a, 1)],
               (ARRAY['alert_notification','payment_receipt','email_verification','weekly_digest','password_reset'])[1 + g % 5]::email_type,
               'Bench email ' || g,
               CASE WHEN g % 50 = 0 THEN 'failed' WHEN g % 200 = 1 THEN 'bounced' ELSE 'sent' END::email_status,
               now() - (g % 365) * interval '1 day',
               CASE WHEN g % 50 = 0 THEN '451 try again later' WHEN g % 200 = 1 THEN '550 mailbox unavailable' END,
               CASE WHEN g % 50 = 0 THEN 3 ELSE 1 END, 'email-verification', '{}'::jsonb,
               now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute'
        FROM generate_series(1, ${emails}) g
        CROSS JOIN (SELECT array_agg(id ORDER BY email) AS a, array_agg(email ORDER BY email) AS e FROM users WHERE email LIKE '%@bench.refialert.test') ids`,
  );
  // VACUUM as well as ANALYZE: after a bulk load autovacuum would otherwise wake up on these
  // tables in the middle of the measurements (insert-driven autovacuum) and take a core from them;
  // a production database has long been vacuumed.
  await step("VACUUM ANALYZE", sql`VACUUM (ANALYZE)`);
}
