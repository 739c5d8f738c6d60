CREATE TABLE "customer_activity" (
	"customer_id" bigint PRIMARY KEY NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Existing workspaces keep their last activity: moved before the index exists, which is then built once.
INSERT INTO "customer_activity" ("customer_id", "last_activity_at")
SELECT "id", "last_activity_at" FROM "customers" WHERE "last_activity_at" IS NOT NULL ORDER BY "id";--> statement-breakpoint
DROP INDEX "customers_last_activity_idx";--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer_activity" ADD CONSTRAINT "customer_activity_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_activity_last_activity_idx" ON "customer_activity" USING btree ("last_activity_at","customer_id");--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "last_activity_at";