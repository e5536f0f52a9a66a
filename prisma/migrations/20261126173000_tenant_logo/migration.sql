-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoType" TEXT;


