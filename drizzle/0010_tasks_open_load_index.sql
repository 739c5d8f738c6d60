DROP INDEX "tasks_assignee_open_due_idx";--> statement-breakpoint
CREATE INDEX "tasks_assignee_open_due_idx" ON "tasks" USING btree ("assignee_id","due_at","priority") WHERE "tasks"."status" = 'open';