-- 0012 training, CME credits, recognition, the department scorecard's versioned targets and weights, its notices (通报)
-- and the stored monthly leadership reports (issue 13, ASSESSMENT.md).

CREATE TABLE "assessment_weights" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_assessment_weights" PRIMARY KEY AUTOINCREMENT,
    "effective_from" TEXT NOT NULL,
    "note" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE INDEX "ix_assessment_weights_effective_from" ON "assessment_weights" ("effective_from");

CREATE TABLE "assessment_indicators" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_assessment_indicators" PRIMARY KEY AUTOINCREMENT,
    "version_id" INTEGER NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "weight" TEXT NOT NULL,
    "target" REAL NOT NULL,
    "floor" REAL NOT NULL,
    CONSTRAINT "fk_assessment_indicators_assessment_weights_version_id" FOREIGN KEY ("version_id") REFERENCES "assessment_weights" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_assessment_indicators_version_id_indicator_code" ON "assessment_indicators" ("version_id", "indicator_code");

CREATE TABLE "assessment_notices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_assessment_notices" PRIMARY KEY AUTOINCREMENT,
    "department_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "band" TEXT NOT NULL,
    "version_id" INTEGER NULL,
    "improvement_plan_id" INTEGER NOT NULL,
    "due_on" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "issued_by" TEXT NOT NULL,
    "issued_at" TEXT NOT NULL,
    CONSTRAINT "fk_assessment_notices_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_assessment_notices_assessment_weights_version_id" FOREIGN KEY ("version_id") REFERENCES "assessment_weights" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_assessment_notices_improvement_plans_improvement_plan_id" FOREIGN KEY ("improvement_plan_id") REFERENCES "improvement_plans" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_assessment_notices_department_id_period" ON "assessment_notices" ("department_id", "period");
CREATE INDEX "ix_assessment_notices_improvement_plan_id" ON "assessment_notices" ("improvement_plan_id");
CREATE INDEX "ix_assessment_notices_version_id" ON "assessment_notices" ("version_id");

CREATE TABLE "training_courses" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_training_courses" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "outline" TEXT NULL,
    "shipped" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_training_courses_code" ON "training_courses" ("code");

CREATE TABLE "training_sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_training_sessions" PRIMARY KEY AUTOINCREMENT,
    "course_id" INTEGER NOT NULL,
    "held_on" TEXT NOT NULL,
    "trainer" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "credit_class" TEXT NOT NULL,
    "hours" TEXT NOT NULL,
    "credits" TEXT NOT NULL,
    "scan_token" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_training_sessions_training_courses_course_id" FOREIGN KEY ("course_id") REFERENCES "training_courses" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_training_sessions_course_id" ON "training_sessions" ("course_id");
CREATE INDEX "ix_training_sessions_held_on" ON "training_sessions" ("held_on");
CREATE UNIQUE INDEX "ix_training_sessions_scan_token" ON "training_sessions" ("scan_token");

CREATE TABLE "training_enrolments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_training_enrolments" PRIMARY KEY AUTOINCREMENT,
    "session_id" INTEGER NOT NULL,
    "staff_id" INTEGER NOT NULL,
    "enrolled_at" TEXT NOT NULL,
    "attended_at" TEXT NULL,
    "attended_by" TEXT NULL,
    CONSTRAINT "fk_training_enrolments_training_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "training_sessions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_training_enrolments_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_training_enrolments_session_id_staff_id" ON "training_enrolments" ("session_id", "staff_id");
CREATE INDEX "ix_training_enrolments_staff_id" ON "training_enrolments" ("staff_id");

CREATE TABLE "cme_credits" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_cme_credits" PRIMARY KEY AUTOINCREMENT,
    "staff_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "earned_on" TEXT NOT NULL,
    "session_id" INTEGER NULL,
    "title" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "credit_class" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "hours" TEXT NOT NULL,
    "credits" TEXT NOT NULL,
    "certificate_number" TEXT NULL,
    "evidence_name" TEXT NULL,
    "evidence_path" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_cme_credits_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_cme_credits_training_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "training_sessions" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_cme_credits_staff_id_year" ON "cme_credits" ("staff_id", "year");
CREATE UNIQUE INDEX "ix_cme_credits_session_id_staff_id" ON "cme_credits" ("session_id", "staff_id");

CREATE TABLE "nominations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_nominations" PRIMARY KEY AUTOINCREMENT,
    "staff_id" INTEGER NOT NULL,
    "nominated_by" TEXT NOT NULL,
    "story" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "award" TEXT NULL,
    "decided_on" TEXT NULL,
    "citation" TEXT NULL,
    "public_consent" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_nominations_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_nominations_staff_id" ON "nominations" ("staff_id");

CREATE TABLE "monthly_reports" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_monthly_reports" PRIMARY KEY AUTOINCREMENT,
    "month" TEXT NOT NULL,
    "pdf" BLOB NOT NULL,
    "xlsx" BLOB NOT NULL,
    "figures" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE INDEX "ix_monthly_reports_month" ON "monthly_reports" ("month");
