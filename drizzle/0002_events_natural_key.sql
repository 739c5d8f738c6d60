DROP INDEX "events_type_customer_occurred_idx";--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_natural_key" UNIQUE NULLS NOT DISTINCT("customer_id","type","occurred_at","name");