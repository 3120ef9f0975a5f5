CREATE TYPE "public"."alert_frequency" AS ENUM('instant', 'daily', 'weekly');--> statement-breakpoint
CREATE TYPE "public"."alert_type" AS ENUM('monthly_payment', 'interest_rate');--> statement-breakpoint
CREATE TYPE "public"."billing_interval" AS ENUM('month', 'year');--> statement-breakpoint
CREATE TYPE "public"."calculation_type" AS ENUM('monthly_payment', 'break_even', 'efficient_frontier', 'refinance_savings', 'amortization', 'target_rate');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('queued', 'sent', 'failed', 'bounced', 'opened', 'clicked');--> statement-breakpoint
CREATE TYPE "public"."email_type" AS ENUM('welcome', 'alert_notification', 'password_reset', 'email_verification', 'payment_receipt', 'payment_failed', 'rate_drop_alert', 'weekly_digest', 'marketing', 'daily_digest', 'security_notice');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'open', 'paid', 'uncollectible', 'void');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."occupancy_type" AS ENUM('primary', 'secondary', 'investment');--> statement-breakpoint
CREATE TYPE "public"."property_type" AS ENUM('single_family', 'condo', 'townhouse', 'multi_family');--> statement-breakpoint
CREATE TYPE "public"."rate_type" AS ENUM('30_year_fixed', '15_year_fixed', 'FHA_30', 'VA_30', '5_1_ARM', '7_1_ARM', '10_1_ARM');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('active', 'canceled', 'past_due', 'unpaid', 'incomplete', 'incomplete_expired', 'trialing', 'paused');--> statement-breakpoint
CREATE TYPE "public"."theme_preference" AS ENUM('light', 'dark', 'system');--> statement-breakpoint
CREATE TYPE "public"."tracking_source" AS ENUM('manual', 'projected');--> statement-breakpoint
CREATE TYPE "public"."trigger_status" AS ENUM('triggered', 'notified', 'acknowledged', 'expired');--> statement-breakpoint
CREATE TYPE "public"."user_action" AS ENUM('none', 'contacted_lender', 'dismissed', 'snoozed');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('user', 'admin');--> statement-breakpoint
CREATE TABLE "email_verification_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" char(64) NOT NULL,
	"email" varchar(255) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"resent_count" integer DEFAULT 0 NOT NULL,
	"last_resent_at" timestamp with time zone,
	"ip_address" varchar(45),
	"user_agent" varchar(255),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" char(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"ip_address" varchar(45),
	"user_agent" varchar(255),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"email_notifications" boolean DEFAULT true NOT NULL,
	"alert_frequency" "alert_frequency" DEFAULT 'instant' NOT NULL,
	"marketing_emails" boolean DEFAULT true NOT NULL,
	"theme" "theme_preference" DEFAULT 'light' NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"date_format" varchar(20) DEFAULT 'MM/DD/YYYY' NOT NULL,
	"min_rate_drop_threshold" numeric(4, 3) DEFAULT 0.125 NOT NULL,
	"auto_calculate_refi_cost" boolean DEFAULT true NOT NULL,
	"default_refi_term" integer DEFAULT 360 NOT NULL,
	"share_anonymous_data" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_prefs_threshold" CHECK ("user_preferences"."min_rate_drop_threshold" >= 0),
	CONSTRAINT "ck_prefs_refi_term" CHECK ("user_preferences"."default_refi_term" BETWEEN 12 AND 600)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"email" varchar(255) NOT NULL,
	"password_hash" text NOT NULL,
	"credit_score" integer,
	"last_login_at" timestamp with time zone,
	"email_verified" boolean DEFAULT false NOT NULL,
	"email_verified_at" timestamp with time zone,
	"phone_number" varchar(20),
	"phone_verified" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"deactivated_at" timestamp with time zone,
	"last_login_ip" varchar(45),
	"failed_login_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"role" "user_role" DEFAULT 'user' NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"stripe_customer_id" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_users_email_lower" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "ck_users_credit_score" CHECK ("users"."credit_score" IS NULL OR "users"."credit_score" BETWEEN 300 AND 850),
	CONSTRAINT "ck_users_failed_attempts" CHECK ("users"."failed_login_attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mortgage_tracking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mortgage_id" uuid NOT NULL,
	"current_rate" numeric(5, 3) NOT NULL,
	"current_remaining_term" integer NOT NULL,
	"current_remaining_principal_cents" bigint NOT NULL,
	"recorded_on" date NOT NULL,
	"source" "tracking_source" DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_tracking_rate" CHECK ("mortgage_tracking"."current_rate" BETWEEN 0 AND 25),
	CONSTRAINT "ck_tracking_term" CHECK ("mortgage_tracking"."current_remaining_term" BETWEEN 0 AND 600),
	CONSTRAINT "ck_tracking_principal" CHECK ("mortgage_tracking"."current_remaining_principal_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mortgages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"zip_code" char(5) NOT NULL,
	"original_principal_cents" bigint NOT NULL,
	"original_term" integer NOT NULL,
	"original_interest_rate" numeric(5, 3) NOT NULL,
	"remaining_principal_cents" bigint NOT NULL,
	"remaining_term" integer NOT NULL,
	"credit_score" integer,
	"last_updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"estimated_property_value_cents" bigint,
	"property_type" "property_type",
	"occupancy_type" "occupancy_type" DEFAULT 'primary',
	"lender_name" varchar(100),
	"loan_number_encrypted" text,
	"loan_number_last4" varchar(4),
	"last_rate_check_date" timestamp with time zone,
	"origination_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_mortgages_zip" CHECK ("mortgages"."zip_code" ~ '^[0-9]{5}$'),
	CONSTRAINT "ck_mortgages_principal" CHECK ("mortgages"."original_principal_cents" BETWEEN 100000 AND 10000000000),
	CONSTRAINT "ck_mortgages_remaining" CHECK ("mortgages"."remaining_principal_cents" >= 0 AND "mortgages"."remaining_principal_cents" <= "mortgages"."original_principal_cents"),
	CONSTRAINT "ck_mortgages_term" CHECK ("mortgages"."original_term" BETWEEN 1 AND 600),
	CONSTRAINT "ck_mortgages_remaining_term" CHECK ("mortgages"."remaining_term" BETWEEN 0 AND "mortgages"."original_term"),
	CONSTRAINT "ck_mortgages_rate" CHECK ("mortgages"."original_interest_rate" BETWEEN 0 AND 25),
	CONSTRAINT "ck_mortgages_credit" CHECK ("mortgages"."credit_score" IS NULL OR "mortgages"."credit_score" BETWEEN 300 AND 850),
	CONSTRAINT "ck_mortgages_property_value" CHECK ("mortgages"."estimated_property_value_cents" IS NULL OR "mortgages"."estimated_property_value_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"mortgage_id" uuid NOT NULL,
	"alert_type" "alert_type" NOT NULL,
	"target_monthly_payment_cents" bigint,
	"target_interest_rate" numeric(5, 3),
	"target_term" integer NOT NULL,
	"estimate_refinance_cost_cents" bigint,
	"calculated_refinance_cost_cents" bigint,
	"is_active" boolean DEFAULT true NOT NULL,
	"paused_at" timestamp with time zone,
	"last_notification_sent_at" timestamp with time zone,
	"notification_count" integer DEFAULT 0 NOT NULL,
	"first_triggered_at" timestamp with time zone,
	"last_triggered_at" timestamp with time zone,
	"total_triggers" integer DEFAULT 0 NOT NULL,
	"user_dismissed" boolean DEFAULT false NOT NULL,
	"dismissed_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_alert_target" CHECK (("alerts"."alert_type" = 'monthly_payment' AND "alerts"."target_monthly_payment_cents" IS NOT NULL AND "alerts"."target_monthly_payment_cents" > 0)
       OR ("alerts"."alert_type" = 'interest_rate' AND "alerts"."target_interest_rate" IS NOT NULL AND "alerts"."target_interest_rate" BETWEEN 0 AND 25)),
	CONSTRAINT "ck_alert_term" CHECK ("alerts"."target_term" BETWEEN 12 AND 600),
	CONSTRAINT "ck_alert_costs" CHECK (coalesce("alerts"."estimate_refinance_cost_cents", 0) >= 0 AND coalesce("alerts"."calculated_refinance_cost_cents", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"status" "trigger_status" DEFAULT 'triggered' NOT NULL,
	"reason" text NOT NULL,
	"triggered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"threshold_value" numeric(12, 3),
	"current_value" numeric(12, 3),
	"notification_sent" boolean DEFAULT false NOT NULL,
	"notification_sent_at" timestamp with time zone,
	"user_viewed" boolean DEFAULT false NOT NULL,
	"viewed_at" timestamp with time zone,
	"user_action" "user_action",
	"action_taken_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"rate_type" "rate_type" NOT NULL,
	"market_date" date NOT NULL,
	"market_rate" numeric(5, 3) NOT NULL,
	"snoozed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mortgage_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"rate_type" "rate_type" NOT NULL,
	"rate" numeric(5, 3) NOT NULL,
	"points" numeric(3, 2),
	"apr" numeric(5, 3),
	"change_from_previous" numeric(4, 3),
	"source" varchar(100) DEFAULT 'freddie_mac_pmms' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_rate_range" CHECK ("mortgage_rates"."rate" > 0 AND "mortgage_rates"."rate" <= 25),
	CONSTRAINT "ck_rate_points" CHECK ("mortgage_rates"."points" IS NULL OR "mortgage_rates"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_ingest_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" varchar(500) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"rejections" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid,
	"action" varchar(100) NOT NULL,
	"target_type" varchar(50) NOT NULL,
	"target_id" varchar(100),
	"before" jsonb,
	"after" jsonb,
	"ip_address" varchar(45),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calculation_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"session_id" varchar(100),
	"mortgage_id" uuid,
	"calculation_type" "calculation_type" NOT NULL,
	"input_params" jsonb NOT NULL,
	"output_results" jsonb NOT NULL,
	"ip_address" varchar(45),
	"user_agent" varchar(255),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_calc_owner" CHECK ("calculation_history"."user_id" IS NOT NULL OR "calculation_history"."session_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "email_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"recipient_email" varchar(255) NOT NULL,
	"email_type" "email_type" NOT NULL,
	"subject" varchar(255) NOT NULL,
	"alert_id" uuid,
	"trigger_id" uuid,
	"status" "email_status" DEFAULT 'queued' NOT NULL,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"clicked_at" timestamp with time zone,
	"error_message" text,
	"provider" varchar(50),
	"provider_message_id" varchar(255),
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"template" varchar(100) NOT NULL,
	"template_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_email_attempts" CHECK ("email_log"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"stripe_invoice_id" varchar(100) NOT NULL,
	"stripe_payment_intent_id" varchar(100),
	"amount_due_cents" bigint NOT NULL,
	"amount_paid_cents" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) DEFAULT 'usd' NOT NULL,
	"status" "invoice_status" DEFAULT 'draft' NOT NULL,
	"invoice_date" timestamp with time zone NOT NULL,
	"due_date" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"invoice_pdf_url" varchar(500),
	"hosted_invoice_url" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_invoices_amounts" CHECK ("invoices"."amount_due_cents" >= 0 AND "invoices"."amount_paid_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) DEFAULT 'usd' NOT NULL,
	"interval" "billing_interval" NOT NULL,
	"stripe_price_id" varchar(100),
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_plan_prices_amount" CHECK ("plan_prices"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(50) NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" text,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"stripe_product_id" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" varchar(100) PRIMARY KEY NOT NULL,
	"type" varchar(100) NOT NULL,
	"event_created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"plan_price_id" uuid,
	"stripe_customer_id" varchar(100) NOT NULL,
	"stripe_subscription_id" varchar(100) NOT NULL,
	"stripe_price_id" varchar(100) NOT NULL,
	"status" "subscription_status" DEFAULT 'incomplete' NOT NULL,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"trial_start" timestamp with time zone,
	"trial_end" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) DEFAULT 'usd' NOT NULL,
	"interval" "billing_interval" DEFAULT 'year' NOT NULL,
	"last_stripe_event_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_subscriptions_amount" CHECK ("subscriptions"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "daily_metrics" (
	"day" date PRIMARY KEY NOT NULL,
	"signups" integer DEFAULT 0 NOT NULL,
	"verified_users" integer DEFAULT 0 NOT NULL,
	"active_subscriptions" integer DEFAULT 0 NOT NULL,
	"mrr_cents" bigint DEFAULT 0 NOT NULL,
	"churned" integer DEFAULT 0 NOT NULL,
	"triggers" integer DEFAULT 0 NOT NULL,
	"emails_failed" integer DEFAULT 0 NOT NULL,
	"calculations_by_type" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" varchar(100),
	"last_error" text,
	"dedupe_key" varchar(200),
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ck_jobs_attempts" CHECK ("jobs"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" varchar(200) NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "email_verification_tokens" ADD CONSTRAINT "email_verification_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mortgage_tracking" ADD CONSTRAINT "mortgage_tracking_mortgage_id_mortgages_id_fk" FOREIGN KEY ("mortgage_id") REFERENCES "public"."mortgages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mortgages" ADD CONSTRAINT "mortgages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mortgages" ADD CONSTRAINT "mortgages_last_updated_by_users_id_fk" FOREIGN KEY ("last_updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_mortgage_id_mortgages_id_fk" FOREIGN KEY ("mortgage_id") REFERENCES "public"."mortgages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calculation_history" ADD CONSTRAINT "calculation_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calculation_history" ADD CONSTRAINT "calculation_history_mortgage_id_mortgages_id_fk" FOREIGN KEY ("mortgage_id") REFERENCES "public"."mortgages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_log" ADD CONSTRAINT "email_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_log" ADD CONSTRAINT "email_log_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_log" ADD CONSTRAINT "email_log_trigger_id_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."triggers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_prices" ADD CONSTRAINT "plan_prices_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_prices" ADD CONSTRAINT "plan_prices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_price_id_plan_prices_id_fk" FOREIGN KEY ("plan_price_id") REFERENCES "public"."plan_prices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_email_verification_token_hash" ON "email_verification_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "idx_email_verification_user" ON "email_verification_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_email_verification_expires" ON "email_verification_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_password_reset_token_hash" ON "password_reset_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "idx_password_reset_user" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_password_reset_expires" ON "password_reset_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_user_preferences_user" ON "user_preferences" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_users_email_live" ON "users" USING btree ("email") WHERE "users"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "idx_users_email" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "idx_user_email_verified" ON "users" USING btree ("email_verified","is_active");--> statement-breakpoint
CREATE INDEX "idx_user_deleted" ON "users" USING btree ("deleted_at") WHERE "users"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "idx_users_created" ON "users" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_users_stripe_customer" ON "users" USING btree ("stripe_customer_id");--> statement-breakpoint
CREATE INDEX "idx_tracking_mortgage_recorded" ON "mortgage_tracking" USING btree ("mortgage_id","recorded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_mortgages_user_name_live" ON "mortgages" USING btree ("user_id","name") WHERE "mortgages"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "idx_mortgage_user_active" ON "mortgages" USING btree ("user_id","deleted_at");--> statement-breakpoint
CREATE INDEX "idx_mortgages_last_updated_by" ON "mortgages" USING btree ("last_updated_by");--> statement-breakpoint
CREATE INDEX "idx_mortgages_deleted" ON "mortgages" USING btree ("deleted_at");--> statement-breakpoint
CREATE INDEX "idx_alert_user_active" ON "alerts" USING btree ("user_id","is_active","deleted_at");--> statement-breakpoint
CREATE INDEX "idx_alert_mortgage_active" ON "alerts" USING btree ("mortgage_id","is_active");--> statement-breakpoint
CREATE INDEX "idx_alert_live" ON "alerts" USING btree ("target_term") WHERE "alerts"."is_active" = TRUE AND "alerts"."deleted_at" IS NULL AND "alerts"."user_dismissed" = FALSE;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_trigger_alert_market" ON "triggers" USING btree ("alert_id","rate_type","market_date");--> statement-breakpoint
CREATE INDEX "idx_trigger_alert_status" ON "triggers" USING btree ("alert_id","status","triggered_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_trigger_expires" ON "triggers" USING btree ("expires_at") WHERE "triggers"."expires_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "idx_trigger_status" ON "triggers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_trigger_triggered_at" ON "triggers" USING btree ("triggered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_rate_date_type" ON "mortgage_rates" USING btree ("date","rate_type");--> statement-breakpoint
CREATE INDEX "idx_rate_date_type" ON "mortgage_rates" USING btree ("date" DESC NULLS LAST,"rate_type");--> statement-breakpoint
CREATE INDEX "idx_rate_type_date" ON "mortgage_rates" USING btree ("rate_type","date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_rate_ingest_started" ON "rate_ingest_runs" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_audit_actor_created" ON "audit_log" USING btree ("actor_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_audit_target" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "idx_audit_created" ON "audit_log" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_calc_user_created" ON "calculation_history" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_calc_session" ON "calculation_history" USING btree ("session_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_calc_type" ON "calculation_history" USING btree ("calculation_type","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_calc_mortgage" ON "calculation_history" USING btree ("mortgage_id");--> statement-breakpoint
CREATE INDEX "idx_calc_created" ON "calculation_history" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_email_user_created" ON "email_log" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_email_type_status" ON "email_log" USING btree ("email_type","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_email_status" ON "email_log" USING btree ("status") WHERE "email_log"."status" IN ('failed', 'bounced');--> statement-breakpoint
CREATE INDEX "idx_email_failed_created" ON "email_log" USING btree ("created_at" DESC NULLS LAST) WHERE "email_log"."status" IN ('failed', 'bounced');--> statement-breakpoint
CREATE INDEX "idx_email_recipient" ON "email_log" USING btree ("recipient_email");--> statement-breakpoint
CREATE INDEX "idx_email_provider_message" ON "email_log" USING btree ("provider_message_id");--> statement-breakpoint
CREATE INDEX "idx_email_created" ON "email_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_email_alert" ON "email_log" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "idx_email_trigger" ON "email_log" USING btree ("trigger_id");--> statement-breakpoint
CREATE INDEX "idx_email_retry" ON "email_log" USING btree ("next_attempt_at") WHERE "email_log"."status" IN ('queued', 'failed') AND "email_log"."next_attempt_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_email_trigger_notification" ON "email_log" USING btree ("trigger_id") WHERE "email_log"."email_type" = 'alert_notification' AND "email_log"."trigger_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_invoices_stripe" ON "invoices" USING btree ("stripe_invoice_id");--> statement-breakpoint
CREATE INDEX "idx_invoice_user_status" ON "invoices" USING btree ("user_id","status","invoice_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_invoice_subscription" ON "invoices" USING btree ("subscription_id","invoice_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_plan_prices_plan" ON "plan_prices" USING btree ("plan_id","is_active");--> statement-breakpoint
CREATE INDEX "idx_plan_prices_created_by" ON "plan_prices" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_plan_prices_stripe" ON "plan_prices" USING btree ("stripe_price_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_plans_code" ON "plans" USING btree ("code");--> statement-breakpoint
CREATE INDEX "idx_stripe_events_type" ON "stripe_events" USING btree ("type","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "uq_subscriptions_alert" ON "subscriptions" USING btree ("alert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_subscriptions_stripe" ON "subscriptions" USING btree ("stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "idx_subscription_user_status" ON "subscriptions" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "idx_subscription_customer" ON "subscriptions" USING btree ("stripe_customer_id");--> statement-breakpoint
CREATE INDEX "idx_subscription_plan_price" ON "subscriptions" USING btree ("plan_price_id");--> statement-breakpoint
CREATE INDEX "idx_subscription_period" ON "subscriptions" USING btree ("current_period_end") WHERE "subscriptions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "idx_jobs_due" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "idx_jobs_running" ON "jobs" USING btree ("locked_at") WHERE "jobs"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "uq_jobs_dedupe" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "idx_rate_limits_expires" ON "rate_limits" USING btree ("expires_at");