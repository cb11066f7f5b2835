-- 0004 a patient's answers so far, per invitation link, so that a survey can be finished later.

CREATE TABLE "survey_drafts" (
    "invitation_id" INTEGER NOT NULL CONSTRAINT "pk_survey_drafts" PRIMARY KEY,
    "answers" TEXT NOT NULL,
    "comment" TEXT NULL,
    "step" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_survey_drafts_survey_invitations_invitation_id" FOREIGN KEY ("invitation_id") REFERENCES "survey_invitations" ("id") ON DELETE CASCADE
);
