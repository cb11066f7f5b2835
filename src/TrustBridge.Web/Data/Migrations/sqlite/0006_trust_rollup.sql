-- 0006 pre-aggregated sums for the trust report: n, number trusting, Σ score and Σ score² of the valid answers per
-- instrument version, encounter date, department and source (ADR 008). Triggers on survey_responses keep them in step
-- inside every writing transaction — the survey page, QR answers, imports (multi-row INSERT and re-import UPDATE),
-- demo seeding and any manual fix alike. A day's row disappears when its last valid answer does.

CREATE TABLE "trust_daily_sums" (
    "instrument_id" INTEGER NOT NULL,
    "encounter_date" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "n_trusting" INTEGER NOT NULL,
    "sum_score" REAL NOT NULL,
    "sum_score_sq" REAL NOT NULL,
    CONSTRAINT "pk_trust_daily_sums" PRIMARY KEY ("instrument_id", "encounter_date", "department_id", "source")
);

-- A bulk import pauses the insert trigger inside its own transaction, adds up the sums of the answers it writes and
-- upserts them before it commits (SQLite has one writer at a time; nobody else ever sees the pause row).
CREATE TABLE "trust_daily_sums_paused" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_trust_daily_sums_paused" PRIMARY KEY
);

INSERT INTO "trust_daily_sums" ("instrument_id", "encounter_date", "department_id", "source", "n", "n_trusting", "sum_score", "sum_score_sq")
SELECT "instrument_id", "encounter_date", "department_id", "source", count(*), sum(CASE WHEN "trusts" THEN 1 ELSE 0 END),
       sum("score"), sum("score" * "score")
FROM "survey_responses" WHERE "score" IS NOT NULL
GROUP BY "instrument_id", "encounter_date", "department_id", "source";

CREATE TRIGGER "trust_daily_sums_insert" AFTER INSERT ON "survey_responses"
WHEN NEW."score" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "trust_daily_sums_paused")
BEGIN
    INSERT INTO "trust_daily_sums" ("instrument_id", "encounter_date", "department_id", "source", "n", "n_trusting", "sum_score", "sum_score_sq")
    VALUES (NEW."instrument_id", NEW."encounter_date", NEW."department_id", NEW."source", 1, CASE WHEN NEW."trusts" THEN 1 ELSE 0 END,
            NEW."score", NEW."score" * NEW."score")
    ON CONFLICT ("instrument_id", "encounter_date", "department_id", "source") DO UPDATE SET
        "n" = "n" + 1, "n_trusting" = "n_trusting" + excluded."n_trusting",
        "sum_score" = "sum_score" + excluded."sum_score", "sum_score_sq" = "sum_score_sq" + excluded."sum_score_sq";
END;

CREATE TRIGGER "trust_daily_sums_update" AFTER UPDATE OF "score", "trusts", "instrument_id", "encounter_date", "department_id", "source" ON "survey_responses"
WHEN OLD."score" IS NOT NEW."score" OR OLD."trusts" IS NOT NEW."trusts" OR OLD."instrument_id" <> NEW."instrument_id"
  OR OLD."encounter_date" <> NEW."encounter_date" OR OLD."department_id" <> NEW."department_id" OR OLD."source" <> NEW."source"
BEGIN
    UPDATE "trust_daily_sums" SET
        "n" = "n" - 1, "n_trusting" = "n_trusting" - CASE WHEN OLD."trusts" THEN 1 ELSE 0 END,
        "sum_score" = "sum_score" - OLD."score", "sum_score_sq" = "sum_score_sq" - OLD."score" * OLD."score"
    WHERE OLD."score" IS NOT NULL AND "instrument_id" = OLD."instrument_id" AND "encounter_date" = OLD."encounter_date"
      AND "department_id" = OLD."department_id" AND "source" = OLD."source";
    DELETE FROM "trust_daily_sums" WHERE "n" = 0 AND "instrument_id" = OLD."instrument_id" AND "encounter_date" = OLD."encounter_date"
      AND "department_id" = OLD."department_id" AND "source" = OLD."source";
    INSERT INTO "trust_daily_sums" ("instrument_id", "encounter_date", "department_id", "source", "n", "n_trusting", "sum_score", "sum_score_sq")
    SELECT NEW."instrument_id", NEW."encounter_date", NEW."department_id", NEW."source", 1, CASE WHEN NEW."trusts" THEN 1 ELSE 0 END,
           NEW."score", NEW."score" * NEW."score"
    WHERE NEW."score" IS NOT NULL
    ON CONFLICT ("instrument_id", "encounter_date", "department_id", "source") DO UPDATE SET
        "n" = "n" + 1, "n_trusting" = "n_trusting" + excluded."n_trusting",
        "sum_score" = "sum_score" + excluded."sum_score", "sum_score_sq" = "sum_score_sq" + excluded."sum_score_sq";
END;

CREATE TRIGGER "trust_daily_sums_delete" AFTER DELETE ON "survey_responses" WHEN OLD."score" IS NOT NULL
BEGIN
    UPDATE "trust_daily_sums" SET
        "n" = "n" - 1, "n_trusting" = "n_trusting" - CASE WHEN OLD."trusts" THEN 1 ELSE 0 END,
        "sum_score" = "sum_score" - OLD."score", "sum_score_sq" = "sum_score_sq" - OLD."score" * OLD."score"
    WHERE "instrument_id" = OLD."instrument_id" AND "encounter_date" = OLD."encounter_date"
      AND "department_id" = OLD."department_id" AND "source" = OLD."source";
    DELETE FROM "trust_daily_sums" WHERE "n" = 0 AND "instrument_id" = OLD."instrument_id" AND "encounter_date" = OLD."encounter_date"
      AND "department_id" = OLD."department_id" AND "source" = OLD."source";
END;
