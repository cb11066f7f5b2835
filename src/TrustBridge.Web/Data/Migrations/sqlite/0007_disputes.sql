-- 0007 medical disputes (DISPUTES.md, issue 10): disputes with their departments, staff, encounters and history; routes,
-- appraisals, compensation lines, payments, seals, duties told (art. 23) and accountability decisions.

CREATE TABLE "disputes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_disputes" PRIMARY KEY AUTOINCREMENT,
    "reference" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "patient_id" INTEGER NULL,
    "patient_name" TEXT NULL,
    "claim" TEXT NOT NULL,
    "claimed_amount" TEXT NOT NULL,
    "arisen_on" TEXT NOT NULL,
    "knew_on" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "patient_died" INTEGER NOT NULL,
    "died_at" TEXT NULL,
    "body_frozen" INTEGER NOT NULL,
    "autopsy_decision" TEXT NULL,
    "autopsy_decided_at" TEXT NULL,
    "reported_by" TEXT NULL,
    "major" INTEGER NOT NULL,
    "authority_reported_at" TEXT NULL,
    "authority_reported_to" TEXT NULL,
    "feedback_case_id" INTEGER NULL,
    "negotiation_notes" TEXT NULL,
    "outcome" TEXT NULL,
    "closed_on" TEXT NULL,
    "root_causes" TEXT NULL,
    "lessons" TEXT NULL,
    "improvement_plan_id" INTEGER NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_disputes_feedback_cases_feedback_case_id" FOREIGN KEY ("feedback_case_id") REFERENCES "feedback_cases" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_disputes_improvement_plans_improvement_plan_id" FOREIGN KEY ("improvement_plan_id") REFERENCES "improvement_plans" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_disputes_patients_patient_id" FOREIGN KEY ("patient_id") REFERENCES "patients" ("id") ON DELETE SET NULL
);

CREATE TABLE "dispute_accountability" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dispute_accountability" PRIMARY KEY AUTOINCREMENT,
    "dispute_id" INTEGER NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "amount" TEXT NULL,
    "reason" TEXT NOT NULL,
    "decided_on" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    CONSTRAINT "fk_dispute_accountability_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_dispute_accountability_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_appraisals" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dispute_appraisals" PRIMARY KEY AUTOINCREMENT,
    "dispute_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "commissioned_on" TEXT NOT NULL,
    "opinion_on" TEXT NULL,
    "fee" TEXT NOT NULL,
    "fee_prepaid_by" TEXT NULL,
    "harm" INTEGER NULL,
    "harm_degree" TEXT NULL,
    "fault" INTEGER NULL,
    "causation" TEXT NULL,
    "liability" TEXT NULL,
    "liability_percent" TEXT NULL,
    "reappraisal" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_dispute_appraisals_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_compensation_lines" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dispute_compensation_lines" PRIMARY KEY AUTOINCREMENT,
    "dispute_id" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "claimed" TEXT NOT NULL,
    "agreed" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_dispute_compensation_lines_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_departments" (
    "dispute_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    CONSTRAINT "pk_dispute_departments" PRIMARY KEY ("dispute_id", "department_id"),
    CONSTRAINT "fk_dispute_departments_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_dispute_departments_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_duties" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dispute_duties" PRIMARY KEY AUTOINCREMENT,
    "duty" TEXT NOT NULL,
    "dispute_id" INTEGER NOT NULL,
    "told_on" TEXT NOT NULL,
    "told_by" TEXT NOT NULL,
    "told_whom" TEXT NOT NULL,
    CONSTRAINT "fk_dispute_duties_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_encounters" (
    "dispute_id" INTEGER NOT NULL,
    "encounter_id" INTEGER NOT NULL,
    CONSTRAINT "pk_dispute_encounters" PRIMARY KEY ("dispute_id", "encounter_id"),
    CONSTRAINT "fk_dispute_encounters_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_dispute_encounters_encounters_encounter_id" FOREIGN KEY ("encounter_id") REFERENCES "encounters" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dispute_events" PRIMARY KEY AUTOINCREMENT,
    "dispute_id" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_name" TEXT NULL,
    "text" TEXT NULL,
    CONSTRAINT "fk_dispute_events_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_payments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dispute_payments" PRIMARY KEY AUTOINCREMENT,
    "dispute_id" INTEGER NOT NULL,
    "payer" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "paid_on" TEXT NOT NULL,
    "voucher" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_dispute_payments_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_routes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dispute_routes" PRIMARY KEY AUTOINCREMENT,
    "dispute_id" INTEGER NOT NULL,
    "route" TEXT NOT NULL,
    "applied_on" TEXT NULL,
    "accepted_on" TEXT NULL,
    "body" TEXT NULL,
    "case_number" TEXT NULL,
    "hospital_representatives" INTEGER NULL,
    "family_representatives" INTEGER NULL,
    "extension_working_days" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "ended_on" TEXT NULL,
    "result" TEXT NULL,
    "notes" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_dispute_routes_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_seals" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_dispute_seals" PRIMARY KEY AUTOINCREMENT,
    "dispute_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "form" TEXT NULL,
    "stage" TEXT NULL,
    "contents" TEXT NOT NULL,
    "sealed_at" TEXT NOT NULL,
    "hospital_signer" TEXT NOT NULL,
    "family_signer" TEXT NOT NULL,
    "hospital_confirmed_at" TEXT NULL,
    "family_confirmed_at" TEXT NULL,
    "unsealed_at" TEXT NULL,
    "unseal_reason" TEXT NULL,
    "unsealed_by" TEXT NULL,
    CONSTRAINT "fk_dispute_seals_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE
);

CREATE TABLE "dispute_staff" (
    "dispute_id" INTEGER NOT NULL,
    "staff_id" INTEGER NOT NULL,
    CONSTRAINT "pk_dispute_staff" PRIMARY KEY ("dispute_id", "staff_id"),
    CONSTRAINT "fk_dispute_staff_disputes_dispute_id" FOREIGN KEY ("dispute_id") REFERENCES "disputes" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_dispute_staff_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_dispute_accountability_dispute_id" ON "dispute_accountability" ("dispute_id");

CREATE INDEX "ix_dispute_accountability_staff_id" ON "dispute_accountability" ("staff_id");

CREATE INDEX "ix_dispute_appraisals_dispute_id" ON "dispute_appraisals" ("dispute_id");

CREATE UNIQUE INDEX "ix_dispute_compensation_lines_dispute_id_item" ON "dispute_compensation_lines" ("dispute_id", "item");

CREATE INDEX "ix_dispute_departments_department_id" ON "dispute_departments" ("department_id");

CREATE INDEX "ix_dispute_duties_dispute_id" ON "dispute_duties" ("dispute_id");

CREATE INDEX "ix_dispute_encounters_encounter_id" ON "dispute_encounters" ("encounter_id");

CREATE INDEX "ix_dispute_events_dispute_id_at" ON "dispute_events" ("dispute_id", "at");

CREATE INDEX "ix_dispute_payments_dispute_id" ON "dispute_payments" ("dispute_id");

CREATE INDEX "ix_dispute_routes_dispute_id" ON "dispute_routes" ("dispute_id");

CREATE INDEX "ix_dispute_seals_dispute_id" ON "dispute_seals" ("dispute_id");

CREATE INDEX "ix_dispute_staff_staff_id" ON "dispute_staff" ("staff_id");

CREATE UNIQUE INDEX "ix_disputes_feedback_case_id" ON "disputes" ("feedback_case_id");

CREATE INDEX "ix_disputes_improvement_plan_id" ON "disputes" ("improvement_plan_id");

CREATE INDEX "ix_disputes_patient_id" ON "disputes" ("patient_id");

CREATE UNIQUE INDEX "ix_disputes_reference" ON "disputes" ("reference");

CREATE INDEX "ix_disputes_status_arisen_on" ON "disputes" ("status", "arisen_on");
