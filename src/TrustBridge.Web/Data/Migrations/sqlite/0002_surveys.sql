-- 0002 trust evaluation: instruments, survey waves and invitations, responses, improvement plans, service recovery.

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

CREATE TABLE "improvement_plans" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_improvement_plans" PRIMARY KEY AUTOINCREMENT,
    "department_id" INTEGER NOT NULL,
    "instrument_code" TEXT NOT NULL,
    "period_from" TEXT NOT NULL,
    "period_to" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "trusting_rate" REAL NOT NULL,
    "lower998" REAL NOT NULL,
    "owner" TEXT NULL,
    "due_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "notes" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_improvement_plans_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT
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

CREATE TABLE "survey_waves" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_survey_waves" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "instrument_id" INTEGER NOT NULL,
    "period_from" TEXT NOT NULL,
    "period_to" TEXT NOT NULL,
    "contact_date" TEXT NOT NULL,
    "margin" REAL NOT NULL,
    "response_rate" REAL NOT NULL,
    "seed" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "draw_summary" TEXT NOT NULL,
    CONSTRAINT "fk_survey_waves_instruments_instrument_id" FOREIGN KEY ("instrument_id") REFERENCES "instruments" ("id") ON DELETE RESTRICT
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

CREATE TABLE "survey_wave_departments" (
    "wave_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    CONSTRAINT "pk_survey_wave_departments" PRIMARY KEY ("wave_id", "department_id"),
    CONSTRAINT "fk_survey_wave_departments_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_survey_wave_departments_survey_waves_wave_id" FOREIGN KEY ("wave_id") REFERENCES "survey_waves" ("id") ON DELETE CASCADE
);

CREATE TABLE "survey_invitations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_survey_invitations" PRIMARY KEY AUTOINCREMENT,
    "wave_id" INTEGER NOT NULL,
    "patient_id" INTEGER NOT NULL,
    "encounter_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "staff_id" INTEGER NULL,
    "token" TEXT NOT NULL,
    "contact_date" TEXT NOT NULL,
    "encounter_date" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    "reminded_at" TEXT NULL,
    "answered_at" TEXT NULL,
    CONSTRAINT "fk_survey_invitations_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_survey_invitations_encounters_encounter_id" FOREIGN KEY ("encounter_id") REFERENCES "encounters" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_survey_invitations_patients_patient_id" FOREIGN KEY ("patient_id") REFERENCES "patients" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_survey_invitations_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_survey_invitations_survey_waves_wave_id" FOREIGN KEY ("wave_id") REFERENCES "survey_waves" ("id") ON DELETE CASCADE
);

CREATE TABLE "service_recovery_tasks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_service_recovery_tasks" PRIMARY KEY AUTOINCREMENT,
    "response_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "score" REAL NULL,
    "recommend" INTEGER NULL,
    "comment" TEXT NULL,
    "status" TEXT NOT NULL,
    "notes" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    CONSTRAINT "fk_service_recovery_tasks_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_service_recovery_tasks_survey_responses_response_id" FOREIGN KEY ("response_id") REFERENCES "survey_responses" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_improvement_plans_department_id_instrument_code_period_from_period_to" ON "improvement_plans" ("department_id", "instrument_code", "period_from", "period_to");

CREATE UNIQUE INDEX "ix_instrument_items_instrument_id_code" ON "instrument_items" ("instrument_id", "code");

CREATE UNIQUE INDEX "ix_instruments_code_version" ON "instruments" ("code", "version");

CREATE INDEX "ix_service_recovery_tasks_department_id" ON "service_recovery_tasks" ("department_id");

CREATE UNIQUE INDEX "ix_service_recovery_tasks_response_id" ON "service_recovery_tasks" ("response_id");

CREATE INDEX "ix_service_recovery_tasks_status_created_at" ON "service_recovery_tasks" ("status", "created_at");

CREATE INDEX "ix_survey_invitations_department_id" ON "survey_invitations" ("department_id");

CREATE INDEX "ix_survey_invitations_encounter_id" ON "survey_invitations" ("encounter_id");

CREATE INDEX "ix_survey_invitations_patient_id_contact_date" ON "survey_invitations" ("patient_id", "contact_date");

CREATE INDEX "ix_survey_invitations_staff_id" ON "survey_invitations" ("staff_id");

CREATE UNIQUE INDEX "ix_survey_invitations_token" ON "survey_invitations" ("token");

CREATE UNIQUE INDEX "ix_survey_invitations_wave_id_patient_id" ON "survey_invitations" ("wave_id", "patient_id");

CREATE INDEX "ix_survey_responses_department_id" ON "survey_responses" ("department_id");

CREATE INDEX "ix_survey_responses_instrument_id_encounter_date_department_id" ON "survey_responses" ("instrument_id", "encounter_date", "department_id");

CREATE UNIQUE INDEX "ix_survey_responses_response_key" ON "survey_responses" ("response_key");

CREATE INDEX "ix_survey_responses_staff_id" ON "survey_responses" ("staff_id");

CREATE INDEX "ix_survey_wave_departments_department_id" ON "survey_wave_departments" ("department_id");

CREATE INDEX "ix_survey_waves_instrument_id" ON "survey_waves" ("instrument_id");
