-- 0003 notifications outbox.

CREATE TABLE "outbox_messages" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_outbox_messages" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient_encrypted" TEXT NULL,
    "recipient_masked" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "payload" TEXT NULL,
    "correlation" TEXT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "locked_until" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    "last_error" TEXT NULL
);

CREATE INDEX "ix_outbox_messages_correlation" ON "outbox_messages" ("correlation");

CREATE INDEX "ix_outbox_messages_status_next_attempt_at" ON "outbox_messages" ("status", "next_attempt_at");
