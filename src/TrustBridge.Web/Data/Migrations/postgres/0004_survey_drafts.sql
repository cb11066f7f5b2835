-- 0004 a patient's answers so far, per invitation link, so that a survey can be finished later.

CREATE TABLE survey_drafts (
    invitation_id bigint NOT NULL,
    answers character varying(2000) NOT NULL,
    comment character varying(4000),
    step integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_survey_drafts PRIMARY KEY (invitation_id),
    CONSTRAINT fk_survey_drafts_survey_invitations_invitation_id FOREIGN KEY (invitation_id) REFERENCES survey_invitations (id) ON DELETE CASCADE
);
