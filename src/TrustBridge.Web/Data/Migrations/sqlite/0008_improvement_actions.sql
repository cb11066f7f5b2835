-- 0008 the actions of an improvement plan (issue 8, deliver 2): what, who (a staff member), due date, status, evidence.

CREATE TABLE "improvement_actions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_improvement_actions" PRIMARY KEY AUTOINCREMENT,
    "plan_id" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "staff_id" INTEGER NULL,
    "due_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "evidence" TEXT NULL,
    "evidence_url" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_improvement_actions_improvement_plans_plan_id" FOREIGN KEY ("plan_id") REFERENCES "improvement_plans" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_improvement_actions_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_improvement_actions_plan_id" ON "improvement_actions" ("plan_id");

CREATE INDEX "ix_improvement_actions_staff_id" ON "improvement_actions" ("staff_id");
