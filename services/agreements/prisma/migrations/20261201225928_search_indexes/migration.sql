-- Swedish full-text search (src/search/search.ts): a GIN index on each searched table's weighted
-- tsvector. The expressions are the ones the search query uses, to the letter (a test checks it):
-- PostgreSQL uses an expression index only for the same expression.

-- CreateIndex
CREATE INDEX "Agreement_search_idx" ON "Agreement" USING GIN ((setweight(to_tsvector('swedish', "title"), 'A') || setweight(to_tsvector('swedish', coalesce("purpose", '') || ' ' || coalesce("goals", '') || ' ' || coalesce("followUp", '')), 'B')));

-- CreateIndex
CREATE INDEX "AgreementFocusArea_search_idx" ON "AgreementFocusArea" USING GIN ((setweight(to_tsvector('swedish', "title"), 'B') || setweight(to_tsvector('swedish', coalesce("description", '')), 'C')));

-- CreateIndex
CREATE INDEX "CitizenPromise_search_idx" ON "CitizenPromise" USING GIN ((setweight(to_tsvector('swedish', "title"), 'A')));

-- CreateIndex
CREATE INDEX "PromiseItem_search_idx" ON "PromiseItem" USING GIN ((setweight(to_tsvector('swedish', "text"), 'B')));
