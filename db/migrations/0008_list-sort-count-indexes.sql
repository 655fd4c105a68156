DROP INDEX "notifications_user_created_idx";--> statement-breakpoint
DROP INDEX "mail_outbox_account_id_idx";--> statement-breakpoint
DROP INDEX "webhook_deliveries_webhook_idx";--> statement-breakpoint
CREATE INDEX "conversations_account_status_inbox_assignee_idx" ON "conversations" USING btree ("account_id","status","inbox_id","assignee_id");--> statement-breakpoint
CREATE INDEX "conversations_account_activity_idx" ON "conversations" USING btree ("account_id","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"status","inbox_id","assignee_id");--> statement-breakpoint
CREATE INDEX "conversations_account_created_idx" ON "conversations" USING btree ("account_id","created_at","id","status","inbox_id","assignee_id");--> statement-breakpoint
CREATE INDEX "conversations_account_priority_idx" ON "conversations" USING btree ("account_id","priority","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"status","inbox_id","assignee_id");--> statement-breakpoint
CREATE INDEX "conversations_account_waiting_idx" ON "conversations" USING btree ("account_id","waiting_since","id","status","inbox_id","assignee_id");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "mail_outbox_account_id_idx" ON "mail_outbox" USING btree ("account_id","id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","created_at" DESC NULLS FIRST);