-- 0009 the second look (可能高危, issue 9): a case rated below high whose text has a threat-taxonomy cue is looked at
-- again by the on-duty office within 2 hours; staff can mark that the other party threatened (对方有威胁言行).
ALTER TABLE "feedback_cases" ADD COLUMN "second_look_due_by" TEXT NULL;
ALTER TABLE "feedback_cases" ADD COLUMN "second_look_cleared_at" TEXT NULL;
ALTER TABLE "feedback_cases" ADD COLUMN "second_look_cleared_by" TEXT NULL;
ALTER TABLE "feedback_cases" ADD COLUMN "second_look_outcome" TEXT NULL;
ALTER TABLE "feedback_cases" ADD COLUMN "second_look_reason" TEXT NULL;
ALTER TABLE "feedback_cases" ADD COLUMN "second_look_escalated_at" TEXT NULL;
ALTER TABLE "feedback_cases" ADD COLUMN "threat_reported" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "ix_feedback_cases_second_look_due_by_second_look_cleared_at" ON "feedback_cases" ("second_look_due_by", "second_look_cleared_at");
