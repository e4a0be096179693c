-- Swedish full-text search (src/search/search.ts): a GIN index on the actions' weighted tsvector.
-- The expression is the one the search query uses, to the letter (a test checks it): PostgreSQL
-- uses an expression index only for the same expression.

-- CreateIndex
CREATE INDEX "Action_search_idx" ON "Action" USING GIN ((setweight(to_tsvector('swedish', "title"), 'A') || setweight(to_tsvector('swedish', coalesce("description", '') || ' ' || coalesce("place", '') || ' ' || coalesce("method", '')), 'B')));
