DROP INDEX "lifecycle_transitions_customer_idx";--> statement-breakpoint
DROP INDEX "orders_customer_ordered_idx";--> statement-breakpoint
DROP INDEX "events_customer_occurred_idx";--> statement-breakpoint
DROP INDEX "events_type_customer_occurred_idx";--> statement-breakpoint
DROP INDEX "tickets_customer_opened_idx";--> statement-breakpoint
DROP INDEX "activities_customer_occurred_idx";--> statement-breakpoint
DROP INDEX "notifications_user_created_idx";--> statement-breakpoint
DROP INDEX "tasks_customer_idx";--> statement-breakpoint
DROP INDEX "risk_score_history_customer_idx";--> statement-breakpoint
DROP INDEX "loyalty_ledger_customer_idx";--> statement-breakpoint
DROP INDEX "loyalty_tier_changes_customer_idx";--> statement-breakpoint
DROP INDEX "outreach_messages_customer_idx";--> statement-breakpoint
DROP INDEX "audit_log_created_idx";--> statement-breakpoint
DROP INDEX "audit_log_actor_idx";--> statement-breakpoint
DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
DROP INDEX "import_jobs_created_idx";--> statement-breakpoint
CREATE INDEX "lifecycle_transitions_customer_idx" ON "lifecycle_transitions" USING btree ("customer_id","changed_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_customer_ordered_idx" ON "orders" USING btree ("customer_id","ordered_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "events_customer_occurred_idx" ON "events" USING btree ("customer_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "events_type_customer_occurred_idx" ON "events" USING btree ("type","customer_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tickets_customer_opened_idx" ON "tickets" USING btree ("customer_id","opened_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "activities_customer_occurred_idx" ON "activities" USING btree ("customer_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "tasks_customer_idx" ON "tasks" USING btree ("customer_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "risk_score_history_customer_idx" ON "risk_score_history" USING btree ("customer_id","scored_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "loyalty_ledger_customer_idx" ON "loyalty_ledger" USING btree ("customer_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "loyalty_tier_changes_customer_idx" ON "loyalty_tier_changes" USING btree ("customer_id","changed_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "outreach_messages_customer_idx" ON "outreach_messages" USING btree ("customer_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at" DESC NULLS FIRST);