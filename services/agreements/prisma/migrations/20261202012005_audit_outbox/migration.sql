-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "seq" BIGSERIAL NOT NULL,
ADD COLUMN     "txid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint;

-- CreateIndex
CREATE INDEX "AuditEntry_txid_seq_idx" ON "AuditEntry"("txid", "seq");
