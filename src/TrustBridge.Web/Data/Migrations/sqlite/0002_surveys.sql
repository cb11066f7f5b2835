-- 0002 survey instruments and responses (issue: trust evaluation).

CREATE TABLE "instruments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_instruments" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "intro_zh" TEXT NULL,
    "intro_en" TEXT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "published_at" TEXT NULL
);

CREATE TABLE "instrument_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_instrument_items" PRIMARY KEY AUTOINCREMENT,
    "instrument_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text_zh" TEXT NOT NULL,
    "text_en" TEXT NOT NULL,
    "scale" TEXT NOT NULL,
    "reverse" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    CONSTRAINT "fk_instrument_items_instruments_instrument_id" FOREIGN KEY ("instrument_id") REFERENCES "instruments" ("id") ON DELETE CASCADE
);

CREATE TABLE "survey_responses" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_survey_responses" PRIMARY KEY AUTOINCREMENT,
    "response_key" TEXT NOT NULL,
    "instrument_id" INTEGER NOT NULL,
    "encounter_date" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    "staff_id" INTEGER NULL,
    "source" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "score" REAL NULL,
    "trusts" INTEGER NULL,
    "recommend" INTEGER NULL,
    "overall" INTEGER NULL,
    "comment" TEXT NULL,
    CONSTRAINT "fk_survey_responses_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_survey_responses_instruments_instrument_id" FOREIGN KEY ("instrument_id") REFERENCES "instruments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_survey_responses_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_instrument_items_instrument_id_code" ON "instrument_items" ("instrument_id", "code");

CREATE UNIQUE INDEX "ix_instruments_code_version" ON "instruments" ("code", "version");

CREATE INDEX "ix_survey_responses_department_id" ON "survey_responses" ("department_id");

CREATE INDEX "ix_survey_responses_instrument_id_encounter_date_department_id" ON "survey_responses" ("instrument_id", "encounter_date", "department_id");

CREATE UNIQUE INDEX "ix_survey_responses_response_key" ON "survey_responses" ("response_key");

CREATE INDEX "ix_survey_responses_staff_id" ON "survey_responses" ("staff_id");
