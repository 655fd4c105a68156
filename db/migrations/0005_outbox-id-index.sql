DROP INDEX "mail_outbox_account_created_idx";--> statement-breakpoint
CREATE INDEX "mail_outbox_account_id_idx" ON "mail_outbox" USING btree ("account_id","id" DESC NULLS LAST);