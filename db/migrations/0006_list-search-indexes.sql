DROP INDEX "conversations_account_status_activity_idx";--> statement-breakpoint
DROP INDEX "conversations_inbox_status_activity_idx";--> statement-breakpoint
DROP INDEX "conversations_assignee_status_activity_idx";--> statement-breakpoint
DROP INDEX "conversations_team_status_activity_idx";--> statement-breakpoint
DROP INDEX "conversations_contact_idx";--> statement-breakpoint
DROP INDEX "mentions_user_mentioned_at_idx";--> statement-breakpoint
DROP INDEX "messages_conversation_created_idx";--> statement-breakpoint
CREATE INDEX "contacts_account_activity_idx" ON "contacts" USING btree ("account_id","last_activity_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "messages_account_created_idx" ON "messages" USING btree ("account_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_account_status_activity_idx" ON "conversations" USING btree ("account_id","status","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"inbox_id","assignee_id","team_id","first_reply_at","waiting_since");--> statement-breakpoint
CREATE INDEX "conversations_inbox_status_activity_idx" ON "conversations" USING btree ("inbox_id","status","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"assignee_id","team_id","first_reply_at","waiting_since");--> statement-breakpoint
CREATE INDEX "conversations_assignee_status_activity_idx" ON "conversations" USING btree ("assignee_id","status","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_team_status_activity_idx" ON "conversations" USING btree ("team_id","status","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_contact_idx" ON "conversations" USING btree ("contact_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "mentions_user_mentioned_at_idx" ON "mentions" USING btree ("user_id","mentioned_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "messages_conversation_created_idx" ON "messages" USING btree ("conversation_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);