-- L1 message search reads a STORED generated column with the folded text (f_unaccent(lower(content)),
-- the IMMUTABLE wrapper of migration 0000) instead of folding every candidate message per search.
-- Adding it rewrites the table under an exclusive lock: 2M messages took the time noted in
-- bench/README.md (finding 18). The search indexes move onto it.
DROP INDEX "messages_content_trgm_idx";--> statement-breakpoint
DROP INDEX "messages_content_fts_idx";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "search_text" text GENERATED ALWAYS AS (f_unaccent(lower(content))) STORED;--> statement-breakpoint
CREATE INDEX "messages_search_text_trgm_idx" ON "messages" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "messages_search_text_fts_idx" ON "messages" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
-- Migration 0007's statistics target, now on the column: the planner's estimate of how many messages
-- contain a term (GIN or newest-first walk) comes from the column's statistics.
ALTER TABLE "messages" ALTER COLUMN "search_text" SET STATISTICS 1000;--> statement-breakpoint
ANALYZE "messages";
