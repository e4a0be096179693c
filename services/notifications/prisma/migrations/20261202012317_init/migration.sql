-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'RETRYING');

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "ownerRole" TEXT NOT NULL,
    "ownerSubject" TEXT NOT NULL,
    "owner" JSONB NOT NULL,
    "municipalityCodes" TEXT[],
    "recordTypes" TEXT[],
    "expiringWithinDays" INTEGER NOT NULL DEFAULT 60,
    "secret" TEXT NOT NULL,
    "secretCreatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookCursor" (
    "subscriptionId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "position" TEXT,
    "polledAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "WebhookCursor_pkey" PRIMARY KEY ("subscriptionId","source")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "body" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorRole" TEXT NOT NULL,
    "actorSubject" TEXT NOT NULL,
    "requestId" TEXT,
    "operation" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityKey" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookSubscription_ownerSubject_idx" ON "WebhookSubscription"("ownerSubject");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_status_seq_idx" ON "WebhookDelivery"("subscriptionId", "status", "seq");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_seq_idx" ON "WebhookDelivery"("subscriptionId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_subscriptionId_source_eventId_key" ON "WebhookDelivery"("subscriptionId", "source", "eventId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityKey_at_idx" ON "AuditEntry"("entityType", "entityKey", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_txid_seq_idx" ON "AuditEntry"("txid", "seq");

-- AddForeignKey
ALTER TABLE "WebhookCursor" ADD CONSTRAINT "WebhookCursor_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
