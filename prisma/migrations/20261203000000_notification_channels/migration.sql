-- notify() grows from e-mail to SMS and web push: each channel's outbox
-- reports back what its provider did, and a notification names its cause
-- (alert wave, crisis call) so a town can see its reach without personal data.

-- AlterEnum
ALTER TYPE "NotificationChannel" ADD VALUE 'PUSH';

-- AlterEnum
ALTER TYPE "NotificationOutcome" ADD VALUE 'OPTED_OUT';

-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('SENT', 'DELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "delivery" "NotificationDelivery",
ADD COLUMN     "ref" TEXT;

-- CreateIndex
CREATE INDEX "Notification_tenantId_ref_idx" ON "Notification"("tenantId", "ref");

-- CreateIndex
CREATE INDEX "Notification_outboxId_idx" ON "Notification"("outboxId");
