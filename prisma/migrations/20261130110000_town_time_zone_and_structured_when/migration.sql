-- CreateEnum
CREATE TYPE "WhenKind" AS ENUM ('ASAP', 'DATE', 'WEEKDAY');

-- CreateEnum
CREATE TYPE "Weekday" AS ENUM ('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN');

-- CreateEnum
CREATE TYPE "DayPart" AS ENUM ('MORNING', 'AFTERNOON', 'EVENING');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Brussels';

-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "whenDate" DATE,
ADD COLUMN     "whenKind" "WhenKind" NOT NULL DEFAULT 'ASAP',
ADD COLUMN     "whenPart" "DayPart",
ADD COLUMN     "whenWeekday" "Weekday";

-- Towns keep the zone their country lives in (all were Brussels until now).
UPDATE "Tenant" SET "timeZone" = CASE "country"
  WHEN 'NL' THEN 'Europe/Amsterdam' WHEN 'FR' THEN 'Europe/Paris'
  WHEN 'LU' THEN 'Europe/Luxembourg' WHEN 'DE' THEN 'Europe/Berlin' ELSE 'Europe/Brussels' END;

-- Backfill: the first weekday and part of day the free text names (the words
-- lib/matching used to look for); the text itself stays as the note.
-- The owner passes the row-level wall as a member of helpt_system (system_wall).
WITH words AS (
  SELECT "tenantId", id, lower("timeWindow") AS t FROM "HelpRequest" WHERE "timeWindow" <> ''
), parsed AS (
  SELECT "tenantId", id,
    CASE
      WHEN t ~ '(monday|maandag|lundi)' THEN 'MON'
      WHEN t ~ '(tuesday|dinsdag|mardi)' THEN 'TUE'
      WHEN t ~ '(wednesday|woensdag|mercredi)' THEN 'WED'
      WHEN t ~ '(thursday|donderdag|jeudi)' THEN 'THU'
      WHEN t ~ '(friday|vrijdag|vendredi)' THEN 'FRI'
      WHEN t ~ '(saturday|zaterdag|samedi)' THEN 'SAT'
      WHEN t ~ '(sunday|zondag|dimanche)' THEN 'SUN'
    END AS day,
    CASE
      WHEN t ~ '(morning|voormiddag|ochtend|matin)' THEN 'MORNING'
      WHEN t ~ '(afternoon|namiddag|middag|après-midi|apres-midi)' THEN 'AFTERNOON'
      WHEN t ~ '(evening|avond|soir)' THEN 'EVENING'
    END AS part
  FROM words
)
UPDATE "HelpRequest" h
SET "whenKind" = 'WEEKDAY', "whenWeekday" = p.day::"Weekday", "whenPart" = p.part::"DayPart"
FROM parsed p
WHERE h."tenantId" = p."tenantId" AND h.id = p.id AND p.day IS NOT NULL;
