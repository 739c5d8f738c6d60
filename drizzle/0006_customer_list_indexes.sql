CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "customers_acquired_at_idx";--> statement-breakpoint
CREATE INDEX "customers_company_idx" ON "customers" USING btree ("company","id");--> statement-breakpoint
CREATE INDEX "customers_plan_idx" ON "customers" USING btree ("plan","id");--> statement-breakpoint
CREATE INDEX "customers_country_idx" ON "customers" USING btree ("country","id");--> statement-breakpoint
CREATE INDEX "customers_loyalty_tier_idx" ON "customers" USING btree ("loyalty_tier","id");--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_email_trgm_idx" ON "customers" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_company_trgm_idx" ON "customers" USING gin ("company" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_attributes_idx" ON "customers" USING gin ("attributes");--> statement-breakpoint
CREATE INDEX "customers_acquired_at_idx" ON "customers" USING btree ("acquired_at","id");