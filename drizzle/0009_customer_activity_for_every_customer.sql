ALTER TABLE "customer_activity" ALTER COLUMN "last_activity_at" DROP NOT NULL;--> statement-breakpoint
-- Customers never active get their (empty) row, before the index on such rows exists, which is then built once.
INSERT INTO "customer_activity" ("customer_id")
SELECT c."id" FROM "customers" c
WHERE NOT EXISTS (SELECT 1 FROM "customer_activity" a WHERE a."customer_id" = c."id") ORDER BY c."id";--> statement-breakpoint
CREATE INDEX "customer_activity_never_idx" ON "customer_activity" USING btree ("customer_id") WHERE "customer_activity"."last_activity_at" is null;--> statement-breakpoint
-- Whatever inserts customers (import, page, seed, script, psql), each gets its row.
CREATE FUNCTION customer_activity_of_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_activity (customer_id) SELECT n.id FROM new_rows n ORDER BY n.id ON CONFLICT (customer_id) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_insert_activity AFTER INSERT ON customers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_activity_of_inserted();
