-- 0014 server-side staff sessions (issue 16): a cookie holds only the session id; logout, a password or role change, a
-- lock and "sign out everywhere" delete the rows, so the session ends at once. Bearer tokens carry a session id too.
CREATE TABLE "staff_sessions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_staff_sessions" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ticket" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "last_seen_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "remote_address" TEXT NULL
);

CREATE INDEX "ix_staff_sessions_user_id" ON "staff_sessions" ("user_id");

CREATE INDEX "ix_staff_sessions_expires_at" ON "staff_sessions" ("expires_at");
