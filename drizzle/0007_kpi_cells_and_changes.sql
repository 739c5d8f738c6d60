CREATE TABLE "customer_activation" (
	"customer_id" bigint PRIMARY KEY NOT NULL,
	"cell_id" integer NOT NULL,
	"month" integer NOT NULL,
	"ttv_days" integer
);
--> statement-breakpoint
CREATE TABLE "customer_feedback_months" (
	"month" integer NOT NULL,
	"customer_id" bigint NOT NULL,
	"cell_id" integer NOT NULL,
	"nps_promoters" bigint DEFAULT 0 NOT NULL,
	"nps_detractors" bigint DEFAULT 0 NOT NULL,
	"nps_responses" bigint DEFAULT 0 NOT NULL,
	"csat_satisfied" bigint DEFAULT 0 NOT NULL,
	"csat_responses" bigint DEFAULT 0 NOT NULL,
	"ces_sum" bigint DEFAULT 0 NOT NULL,
	"ces_responses" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_activation_cells" (
	"cell_id" integer NOT NULL,
	"month" integer NOT NULL,
	"ttv_days" integer,
	"customers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_activation_cells_key" UNIQUE NULLS NOT DISTINCT("cell_id","month","ttv_days")
);
--> statement-breakpoint
CREATE TABLE "metric_cells" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "metric_cells_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"segment" text,
	"plan" text,
	"country" text,
	"owner_id" integer,
	"loyalty_tier" text,
	CONSTRAINT "metric_cells_key" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "metric_changes" (
	"customer_id" bigint NOT NULL,
	"from_month" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_churn_reason_cells" (
	"cell_id" integer NOT NULL,
	"month" integer NOT NULL,
	"reason" text NOT NULL,
	"churned_customers" bigint DEFAULT 0 NOT NULL,
	"involuntary_churned_customers" bigint DEFAULT 0 NOT NULL,
	"churned_mrr_start" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_churn_reason_cells_cell_id_month_reason_pk" PRIMARY KEY("cell_id","month","reason")
);
--> statement-breakpoint
CREATE TABLE "metric_churn_reasons" (
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"month" integer NOT NULL,
	"reason" text NOT NULL,
	"churned_customers" bigint DEFAULT 0 NOT NULL,
	"involuntary_churned_customers" bigint DEFAULT 0 NOT NULL,
	"churned_mrr_start" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_churn_reasons_dimension_value_month_reason_pk" PRIMARY KEY("dimension","value","month","reason")
);
--> statement-breakpoint
CREATE TABLE "metric_cohort_cells" (
	"cell_id" integer NOT NULL,
	"cohort" integer NOT NULL,
	"month" integer NOT NULL,
	"customers" bigint DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"facts" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_cohort_cells_cell_id_cohort_month_pk" PRIMARY KEY("cell_id","cohort","month")
);
--> statement-breakpoint
CREATE TABLE "metric_month_cells" (
	"cell_id" integer NOT NULL,
	"month" integer NOT NULL,
	"customers_start" bigint DEFAULT 0 NOT NULL,
	"customers_end" bigint DEFAULT 0 NOT NULL,
	"new_customers" bigint DEFAULT 0 NOT NULL,
	"reactivated_customers" bigint DEFAULT 0 NOT NULL,
	"churned_customers" bigint DEFAULT 0 NOT NULL,
	"early_churned_customers" bigint DEFAULT 0 NOT NULL,
	"involuntary_churned_customers" bigint DEFAULT 0 NOT NULL,
	"mrr_start" bigint DEFAULT 0 NOT NULL,
	"mrr_end" bigint DEFAULT 0 NOT NULL,
	"new_mrr" bigint DEFAULT 0 NOT NULL,
	"expansion_mrr" bigint DEFAULT 0 NOT NULL,
	"contraction_mrr" bigint DEFAULT 0 NOT NULL,
	"churned_mrr" bigint DEFAULT 0 NOT NULL,
	"reactivation_mrr" bigint DEFAULT 0 NOT NULL,
	"order_basis_revenue" bigint DEFAULT 0 NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"ordering_customers" bigint DEFAULT 0 NOT NULL,
	"first_order_customers" bigint DEFAULT 0 NOT NULL,
	"second_order_customers" bigint DEFAULT 0 NOT NULL,
	"nps_promoters" bigint DEFAULT 0 NOT NULL,
	"nps_detractors" bigint DEFAULT 0 NOT NULL,
	"nps_responses" bigint DEFAULT 0 NOT NULL,
	"csat_satisfied" bigint DEFAULT 0 NOT NULL,
	"csat_responses" bigint DEFAULT 0 NOT NULL,
	"ces_sum" bigint DEFAULT 0 NOT NULL,
	"ces_responses" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_month_cells_cell_id_month_pk" PRIMARY KEY("cell_id","month")
);
--> statement-breakpoint
-- Rollups are derived data: the new columns have no values for old rows, so the next refresh rebuilds them all.
TRUNCATE "customer_months", "metric_months", "metric_cohorts", "metric_activation";--> statement-breakpoint
DELETE FROM "metric_rollup_state";--> statement-breakpoint
ALTER TABLE "customer_months" ADD COLUMN "cell_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_months" ADD COLUMN "involuntary" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_months" ADD COLUMN "churn_reason" text;--> statement-breakpoint
ALTER TABLE "metric_cohorts" ADD COLUMN "facts" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_feedback_months_customer_month_idx" ON "customer_feedback_months" USING btree ("customer_id","month");--> statement-breakpoint
CREATE INDEX "customer_feedback_months_month_idx" ON "customer_feedback_months" USING btree ("month");--> statement-breakpoint
CREATE INDEX "feedback_submitted_idx" ON "feedback" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "customer_months_customer_month_idx" ON "customer_months" USING btree ("customer_id","month");--> statement-breakpoint
-- The UTC month index (year * 12 + month - 1) that the rollups key months by (db/queries/metrics/months.ts).
CREATE FUNCTION metric_month(at timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN date_part('year', at AT TIME ZONE 'UTC')::int * 12 + date_part('month', at AT TIME ZONE 'UTC')::int - 1;
--> statement-breakpoint
-- Subscriptions, orders and feedback: each changed row's customer, from the month of its time (old and new).
-- Statement-level with transition tables: one insert per statement however many rows it wrote (COPY included).
CREATE FUNCTION metric_changes_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  at_column text := TG_ARGV[0];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO metric_changes (customer_id, from_month)
                    SELECT customer_id, min(metric_month(%I)) FROM new_rows GROUP BY customer_id', at_column);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('INSERT INTO metric_changes (customer_id, from_month)
                    SELECT customer_id, min(metric_month(%I)) FROM old_rows GROUP BY customer_id', at_column);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Customers: a new customer counts from now on (their history arrives as subscription and order rows); a deleted
-- one leaves every month; a new churn type or reason changes every churned month; a new filter value (segment, plan, ...) or
-- acquisition/activation time changes the current month on.
CREATE FUNCTION metric_changes_of_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO metric_changes (customer_id, from_month) SELECT id, metric_month(now()) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO metric_changes (customer_id, from_month) SELECT id, 0 FROM old_rows;
  ELSE
    INSERT INTO metric_changes (customer_id, from_month)
    SELECT n.id, CASE WHEN (n.churn_type, n.churn_reason) IS DISTINCT FROM (o.churn_type, o.churn_reason) THEN 0 ELSE metric_month(now()) END
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.segment, n.plan, n.country, n.owner_id, n.loyalty_tier, n.acquired_at, n.activated_at, n.churn_type, n.churn_reason)
          IS DISTINCT FROM (o.segment, o.plan, o.country, o.owner_id, o.loyalty_tier, o.acquired_at, o.activated_at, o.churn_type, o.churn_reason);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_metric_changes_insert AFTER INSERT ON customers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_customers();--> statement-breakpoint
CREATE TRIGGER customers_metric_changes_update AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_customers();--> statement-breakpoint
CREATE TRIGGER customers_metric_changes_delete AFTER DELETE ON customers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_customers();--> statement-breakpoint
CREATE TRIGGER subscriptions_metric_changes_insert AFTER INSERT ON subscriptions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('effective_at');--> statement-breakpoint
CREATE TRIGGER subscriptions_metric_changes_update AFTER UPDATE ON subscriptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('effective_at');--> statement-breakpoint
CREATE TRIGGER subscriptions_metric_changes_delete AFTER DELETE ON subscriptions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('effective_at');--> statement-breakpoint
CREATE TRIGGER orders_metric_changes_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('ordered_at');--> statement-breakpoint
CREATE TRIGGER orders_metric_changes_update AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('ordered_at');--> statement-breakpoint
CREATE TRIGGER orders_metric_changes_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('ordered_at');--> statement-breakpoint
CREATE TRIGGER feedback_metric_changes_insert AFTER INSERT ON feedback REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('submitted_at');--> statement-breakpoint
CREATE TRIGGER feedback_metric_changes_update AFTER UPDATE ON feedback REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('submitted_at');--> statement-breakpoint
CREATE TRIGGER feedback_metric_changes_delete AFTER DELETE ON feedback REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metric_changes_of_rows('submitted_at');
