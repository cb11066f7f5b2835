-- 0014 server-side staff sessions (issue 16): a cookie holds only the session id; logout, a password or role change, a
-- lock and "sign out everywhere" delete the rows, so the session ends at once. Bearer tokens carry a session id too.
CREATE TABLE staff_sessions (
    id character varying(64) NOT NULL,
    user_id character varying(450) NOT NULL,
    kind character varying(16) NOT NULL,
    ticket text,
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    remote_address character varying(64),
    CONSTRAINT pk_staff_sessions PRIMARY KEY (id)
);

CREATE INDEX ix_staff_sessions_user_id ON staff_sessions (user_id);

CREATE INDEX ix_staff_sessions_expires_at ON staff_sessions (expires_at);
