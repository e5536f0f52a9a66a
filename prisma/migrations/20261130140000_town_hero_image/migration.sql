-- An optional photo on each town's home page: two WebP widths, its text
-- alternative, and when it was last replaced (the version in its URL).
-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "heroAlt" TEXT,
ADD COLUMN     "heroImage" BYTEA,
ADD COLUMN     "heroImageSmall" BYTEA,
ADD COLUMN     "heroUpdatedAt" TIMESTAMP(3);
