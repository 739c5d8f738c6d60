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
CREATE INDEX "customer_activity_last_activity_idx" ON "customer_activity" USING btree ("last_activity_at","customer_id");--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "last_activity_at";--> statement-breakpoint
-- In place of a foreign key (see db/schema/customers.ts): a deleted customer's last activity goes with them.
CREATE FUNCTION customer_activity_of_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_activity a USING old_rows o WHERE a.customer_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_delete_activity AFTER DELETE ON customers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_activity_of_deleted();
