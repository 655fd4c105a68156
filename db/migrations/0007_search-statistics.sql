-- L1 message search: the planner picks between the trigram GIN index (rare words) and a newest-first
-- walk of messages_account_created_idx (common words) from its estimate of how many messages contain
-- the term, read from the statistics of the GIN index's expression. With the default 100 sampled
-- values that estimate swings by 100x between two ANALYZE runs (bench/README.md: "garant", in 1 % of
-- messages, estimated at 112 rows), and a wrong plan costs 5-10x. 1000 keeps estimates within ~20 %
-- at ~1.5 ms more planning per search.
ALTER INDEX "messages_content_trgm_idx" ALTER COLUMN 1 SET STATISTICS 1000;
--> statement-breakpoint
ANALYZE "messages";
