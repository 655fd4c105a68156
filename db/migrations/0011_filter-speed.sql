-- Filter panel (L4) speed: every condition of the benchmark's filters answered by an index of
-- conversations (bench/README.md finding 20). On a large database run it off-hours: it rewrites
-- contacts and every conversation under exclusive locks; run VACUUM conversations afterwards.
--
-- contacts.search_name: the name folded as search folds it, stored, like messages.search_text
-- (0010): contact search (L1) stops folding every candidate contact per query.
DROP INDEX "contacts_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_name" text GENERATED ALWAYS AS (f_unaccent(lower(name))) STORED;--> statement-breakpoint
CREATE INDEX "contacts_search_name_trgm_idx" ON "contacts" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
-- Two copies on conversations that only the triggers below write:
-- label_ids, the sorted ids of the conversation's labels (from conversation_labels), so an OR of
-- labels and other fields is one bitmap OR instead of a probe of conversation_labels per row;
-- contact_search_name, its contact's search_name, so "contact name contains" is a trigram index scan
-- instead of a lookup of the contact per conversation.
ALTER TABLE "conversations" ADD COLUMN "label_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "contact_search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "conversations" AS c
SET "label_ids" = coalesce((SELECT array_agg(cl.label_id ORDER BY cl.label_id) FROM "conversation_labels" AS cl WHERE cl.conversation_id = c.id), '{}'),
    "contact_search_name" = (SELECT ct.search_name FROM "contacts" AS ct WHERE ct.id = c.contact_id);--> statement-breakpoint
CREATE INDEX "conversations_label_ids_idx" ON "conversations" USING gin ("label_ids");--> statement-breakpoint
CREATE INDEX "conversations_contact_search_name_trgm_idx" ON "conversations" USING gin ("contact_search_name" gin_trgm_ops);--> statement-breakpoint
-- "Mías" counts of filtered lists check the usual conditions inside the assignee index.
DROP INDEX "conversations_assignee_status_activity_idx";--> statement-breakpoint
CREATE INDEX "conversations_assignee_status_activity_idx" ON "conversations" USING btree ("assignee_id","status","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"account_id","inbox_id","team_id","priority","created_at","label_ids");--> statement-breakpoint
-- List attribute conditions as containment (custom_attributes @> '{"key": "value"}').
CREATE INDEX "conversations_custom_attributes_idx" ON "conversations" USING gin ("custom_attributes" jsonb_path_ops);--> statement-breakpoint
-- label_ids: one function for every change of conversation_labels (insert, delete, update; label and
-- conversation deletions cascade here too), once per statement over its transition table "changed".
-- It locks the conversations first and only then reads their labels, in a statement of its own (a
-- fresh snapshot under READ COMMITTED), so two transactions labelling one conversation at once
-- cannot leave either label out.
CREATE FUNCTION "conversations_sync_label_ids"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM conversations WHERE id IN (SELECT conversation_id FROM changed) ORDER BY id FOR UPDATE;
  UPDATE conversations AS c
  SET label_ids = coalesce((SELECT array_agg(cl.label_id ORDER BY cl.label_id) FROM conversation_labels AS cl WHERE cl.conversation_id = c.id), '{}')
  WHERE c.id IN (SELECT conversation_id FROM changed);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "conversation_labels_inserted" AFTER INSERT ON "conversation_labels"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "conversations_sync_label_ids"();--> statement-breakpoint
CREATE TRIGGER "conversation_labels_deleted" AFTER DELETE ON "conversation_labels"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "conversations_sync_label_ids"();--> statement-breakpoint
CREATE TRIGGER "conversation_labels_updated_from" AFTER UPDATE ON "conversation_labels"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "conversations_sync_label_ids"();--> statement-breakpoint
CREATE TRIGGER "conversation_labels_updated_to" AFTER UPDATE ON "conversation_labels"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "conversations_sync_label_ids"();--> statement-breakpoint
-- contact_search_name: read from the contact whenever a conversation is written (created, moved to
-- another contact by a merge, or changed in any way), without locking the contact ...
CREATE FUNCTION "conversations_copy_contact_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.contact_search_name := coalesce((SELECT search_name FROM contacts WHERE id = NEW.contact_id), '');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "conversations_contact_name" BEFORE INSERT OR UPDATE ON "conversations"
  FOR EACH ROW EXECUTE FUNCTION "conversations_copy_contact_name"();--> statement-breakpoint
-- ... and, on a rename, written to the contact's conversations, skipping any that another transaction holds
-- at that moment: waiting for them could deadlock with the inbound path, which locks a conversation
-- and then touches its contact. A skipped conversation, like one created while the rename was in
-- flight, takes the new name at its next change (the trigger above).
CREATE FUNCTION "contacts_spread_search_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations SET contact_search_name = NEW.search_name
  WHERE id IN (SELECT id FROM conversations WHERE contact_id = NEW.id FOR UPDATE SKIP LOCKED);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "contacts_search_name_spread" AFTER UPDATE OF name ON "contacts"
  FOR EACH ROW WHEN (OLD.search_name IS DISTINCT FROM NEW.search_name) EXECUTE FUNCTION "contacts_spread_search_name"();
