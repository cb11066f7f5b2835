-- 0005 feedback cases (FEEDBACK.md): cases, departments involved, history, attachments, triage overrides,
-- the administrators' calendar entries, and symposia with their participants.

CREATE TABLE "calendar_days" (
    "date" TEXT NOT NULL CONSTRAINT "pk_calendar_days" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "symposia" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_symposia" PRIMARY KEY AUTOINCREMENT,
    "held_on" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "location" TEXT NULL,
    "department_id" INTEGER NULL,
    "minutes" TEXT NULL,
    "report_back" TEXT NULL,
    "reported_at" TEXT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_symposia_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE SET NULL
);

CREATE TABLE "symposium_participants" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_symposium_participants" PRIMARY KEY AUTOINCREMENT,
    "symposium_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "staff_id" INTEGER NULL,
    "mobile_encrypted" TEXT NULL,
    "mobile_masked" TEXT NULL,
    CONSTRAINT "fk_symposium_participants_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_symposium_participants_symposia_symposium_id" FOREIGN KEY ("symposium_id") REFERENCES "symposia" ("id") ON DELETE CASCADE
);

CREATE TABLE "feedback_cases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_feedback_cases" PRIMARY KEY AUTOINCREMENT,
    "tracking_code" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "risk_level" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "suggested_type" TEXT NOT NULL,
    "suggested_category" TEXT NOT NULL,
    "suggested_risk_level" TEXT NOT NULL,
    "triage_cues" TEXT NULL,
    "anonymous" INTEGER NOT NULL,
    "complainant_name" TEXT NULL,
    "mobile_encrypted" TEXT NULL,
    "mobile_masked" TEXT NULL,
    "mobile_hash" TEXT NULL,
    "patient_id" INTEGER NULL,
    "encounter_id" INTEGER NULL,
    "staff_id" INTEGER NULL,
    "department_id" INTEGER NULL,
    "owner_user_id" TEXT NULL,
    "owner_name" TEXT NULL,
    "received_at" TEXT NOT NULL,
    "acknowledge_by" TEXT NOT NULL,
    "due_by" TEXT NOT NULL,
    "remind_at" TEXT NOT NULL,
    "acknowledged_at" TEXT NULL,
    "replied_at" TEXT NULL,
    "closed_at" TEXT NULL,
    "reminder_sent_at" TEXT NULL,
    "breach_escalated_at" TEXT NULL,
    "resolved_on_the_spot" INTEGER NOT NULL,
    "alert_acknowledged_at" TEXT NULL,
    "alert_acknowledged_by" TEXT NULL,
    "reply_draft" TEXT NULL,
    "reply_draft_by" TEXT NULL,
    "reply" TEXT NULL,
    "patient_rating" INTEGER NULL,
    "patient_rating_comment" TEXT NULL,
    "merged_into_id" INTEGER NULL,
    "symposium_id" INTEGER NULL,
    "survey_response_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_feedback_cases_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_feedback_cases_encounters_encounter_id" FOREIGN KEY ("encounter_id") REFERENCES "encounters" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_feedback_cases_feedback_cases_merged_into_id" FOREIGN KEY ("merged_into_id") REFERENCES "feedback_cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_feedback_cases_patients_patient_id" FOREIGN KEY ("patient_id") REFERENCES "patients" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_feedback_cases_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_feedback_cases_symposia_symposium_id" FOREIGN KEY ("symposium_id") REFERENCES "symposia" ("id") ON DELETE SET NULL
);

CREATE TABLE "feedback_attachments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_feedback_attachments" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BLOB NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_feedback_attachments_feedback_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "feedback_cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "feedback_case_departments" (
    "case_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    CONSTRAINT "pk_feedback_case_departments" PRIMARY KEY ("case_id", "department_id"),
    CONSTRAINT "fk_feedback_case_departments_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_feedback_case_departments_feedback_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "feedback_cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "feedback_case_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_feedback_case_events" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_user_id" TEXT NULL,
    "actor_name" TEXT NULL,
    "from_status" TEXT NULL,
    "to_status" TEXT NULL,
    "text" TEXT NULL,
    "visible_to_patient" INTEGER NOT NULL,
    CONSTRAINT "fk_feedback_case_events_feedback_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "feedback_cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "triage_overrides" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_triage_overrides" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "suggested_type" TEXT NOT NULL,
    "suggested_category" TEXT NOT NULL,
    "suggested_risk_level" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "risk_level" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_triage_overrides_feedback_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "feedback_cases" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_feedback_attachments_case_id" ON "feedback_attachments" ("case_id");

CREATE INDEX "ix_feedback_case_departments_department_id" ON "feedback_case_departments" ("department_id");

CREATE INDEX "ix_feedback_case_events_case_id_at" ON "feedback_case_events" ("case_id", "at");

CREATE INDEX "ix_feedback_cases_department_id" ON "feedback_cases" ("department_id");

CREATE INDEX "ix_feedback_cases_encounter_id" ON "feedback_cases" ("encounter_id");

CREATE INDEX "ix_feedback_cases_merged_into_id" ON "feedback_cases" ("merged_into_id");

CREATE INDEX "ix_feedback_cases_mobile_hash" ON "feedback_cases" ("mobile_hash");

CREATE INDEX "ix_feedback_cases_patient_id" ON "feedback_cases" ("patient_id");

CREATE INDEX "ix_feedback_cases_received_at" ON "feedback_cases" ("received_at");

CREATE INDEX "ix_feedback_cases_risk_level_alert_acknowledged_at" ON "feedback_cases" ("risk_level", "alert_acknowledged_at");

CREATE INDEX "ix_feedback_cases_staff_id" ON "feedback_cases" ("staff_id");

CREATE INDEX "ix_feedback_cases_status_due_by" ON "feedback_cases" ("status", "due_by");

CREATE UNIQUE INDEX "ix_feedback_cases_survey_response_id" ON "feedback_cases" ("survey_response_id");

CREATE INDEX "ix_feedback_cases_symposium_id" ON "feedback_cases" ("symposium_id");

CREATE UNIQUE INDEX "ix_feedback_cases_tracking_code" ON "feedback_cases" ("tracking_code");

CREATE INDEX "ix_symposia_department_id" ON "symposia" ("department_id");

CREATE INDEX "ix_symposia_held_on" ON "symposia" ("held_on");

CREATE INDEX "ix_symposium_participants_staff_id" ON "symposium_participants" ("staff_id");

CREATE INDEX "ix_symposium_participants_symposium_id" ON "symposium_participants" ("symposium_id");

CREATE INDEX "ix_triage_overrides_case_id" ON "triage_overrides" ("case_id");
