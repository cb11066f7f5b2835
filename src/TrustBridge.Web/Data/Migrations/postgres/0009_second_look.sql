-- 0009 the second look (可能高危, issue 9): a case rated below high whose text has a threat-taxonomy cue is looked at
-- again by the on-duty office within 2 hours; staff can mark that the other party threatened (对方有威胁言行).
ALTER TABLE feedback_cases ADD COLUMN second_look_due_by timestamp with time zone;
ALTER TABLE feedback_cases ADD COLUMN second_look_cleared_at timestamp with time zone;
ALTER TABLE feedback_cases ADD COLUMN second_look_cleared_by character varying(100);
ALTER TABLE feedback_cases ADD COLUMN second_look_outcome character varying(16);
ALTER TABLE feedback_cases ADD COLUMN second_look_reason character varying(2000);
ALTER TABLE feedback_cases ADD COLUMN second_look_escalated_at timestamp with time zone;
ALTER TABLE feedback_cases ADD COLUMN threat_reported boolean NOT NULL DEFAULT FALSE;
CREATE INDEX ix_feedback_cases_second_look_due_by_second_look_cleared_at ON feedback_cases (second_look_due_by, second_look_cleared_at);
