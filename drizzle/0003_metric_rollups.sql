CREATE TABLE "customer_months" (
	"month" integer NOT NULL,
	"customer_id" bigint NOT NULL,
	"first_month" integer,
	"order_basis" boolean NOT NULL,
	"active_start" boolean NOT NULL,
	"active_end" boolean NOT NULL,
	"active_during" boolean NOT NULL,
	"mrr_start" bigint NOT NULL,
	"mrr_end" bigint NOT NULL,
	"orders" integer NOT NULL,
	"revenue_cents" bigint NOT NULL,
	"first_order" boolean NOT NULL,
	"second_order" boolean NOT NULL,
	CONSTRAINT "customer_months_month_customer_id_pk" PRIMARY KEY("month","customer_id")
);
--> statement-breakpoint
CREATE TABLE "metric_activation" (
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"month" integer NOT NULL,
	"ttv_days" integer,
	"customers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_activation_key" UNIQUE NULLS NOT DISTINCT("dimension","value","month","ttv_days")
);
--> statement-breakpoint
CREATE TABLE "metric_cohorts" (
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"cohort" integer NOT NULL,
	"month" integer NOT NULL,
	"customers" bigint DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_cohorts_dimension_value_cohort_month_pk" PRIMARY KEY("dimension","value","cohort","month")
);
--> statement-breakpoint
CREATE TABLE "metric_months" (
	"dimension" text NOT NULL,
	"value" text NOT NULL,
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
	CONSTRAINT "metric_months_dimension_value_month_pk" PRIMARY KEY("dimension","value","month")
);
--> statement-breakpoint
CREATE TABLE "metric_rollup_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"first_month" integer,
	"through_month" integer NOT NULL,
	"window_days" integer NOT NULL,
	"window_from_setting" boolean NOT NULL,
	"currency" char(3) NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "metric_rollup_state_single_row" CHECK ("metric_rollup_state"."id" = 1)
);
