-- 0001 initial schema: registry, accounts (ASP.NET Core Identity), audit log, Data Protection keys.
-- Generated from the EF model with 'trustbridge migrate model-script', then kept by hand.
CREATE TABLE "asp_net_roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_asp_net_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);


CREATE TABLE "asp_net_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_asp_net_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "staff_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);


CREATE TABLE "audit_log" (
    "sequence" INTEGER NOT NULL CONSTRAINT "pk_audit_log" PRIMARY KEY,
    "at_utc" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "user_name" TEXT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NULL,
    "entity_id" TEXT NULL,
    "detail" TEXT NULL,
    "remote_address" TEXT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);


CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NOT NULL
);


CREATE TABLE "departments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_departments" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parent_id" INTEGER NULL,
    "active" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_departments_departments_parent_id" FOREIGN KEY ("parent_id") REFERENCES "departments" ("id") ON DELETE RESTRICT
);


CREATE TABLE "patients" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_patients" PRIMARY KEY AUTOINCREMENT,
    "mrn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "birth_date" TEXT NULL,
    "mobile_encrypted" TEXT NULL,
    "mobile_masked" TEXT NULL,
    "id_number_encrypted" TEXT NULL,
    "id_number_masked" TEXT NULL,
    "deceased_on" TEXT NULL,
    "survey_opt_out" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);


CREATE TABLE "asp_net_role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_asp_net_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_asp_net_role_claims_asp_net_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "asp_net_roles" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_asp_net_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_asp_net_user_claims_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_asp_net_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_asp_net_user_logins_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_asp_net_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_asp_net_user_roles_asp_net_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "asp_net_roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_asp_net_user_roles_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_asp_net_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_asp_net_user_tokens_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "staff" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_staff" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NULL,
    "department_id" INTEGER NULL,
    "licence_number" TEXT NULL,
    "specialties" TEXT NULL,
    "bio" TEXT NULL,
    "active" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_staff_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT
);


CREATE TABLE "user_department_scopes" (
    "user_id" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    CONSTRAINT "pk_user_department_scopes" PRIMARY KEY ("user_id", "department_id"),
    CONSTRAINT "fk_user_department_scopes_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_department_scopes_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE CASCADE
);


CREATE TABLE "encounters" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_encounters" PRIMARY KEY AUTOINCREMENT,
    "his_id" TEXT NOT NULL,
    "patient_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    "attending_staff_id" INTEGER NULL,
    "started_at" TEXT NOT NULL,
    "ended_at" TEXT NULL,
    "discharge_disposition" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_encounters_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_encounters_patients_patient_id" FOREIGN KEY ("patient_id") REFERENCES "patients" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_encounters_staff_attending_staff_id" FOREIGN KEY ("attending_staff_id") REFERENCES "staff" ("id") ON DELETE RESTRICT
);


CREATE INDEX "ix_asp_net_role_claims_role_id" ON "asp_net_role_claims" ("role_id");


CREATE UNIQUE INDEX "role_name_index" ON "asp_net_roles" ("normalized_name");


CREATE INDEX "ix_asp_net_user_claims_user_id" ON "asp_net_user_claims" ("user_id");


CREATE INDEX "ix_asp_net_user_logins_user_id" ON "asp_net_user_logins" ("user_id");


CREATE INDEX "ix_asp_net_user_roles_role_id" ON "asp_net_user_roles" ("role_id");


CREATE INDEX "email_index" ON "asp_net_users" ("normalized_email");


CREATE UNIQUE INDEX "user_name_index" ON "asp_net_users" ("normalized_user_name");


CREATE INDEX "ix_audit_log_at_utc" ON "audit_log" ("at_utc");


CREATE INDEX "ix_audit_log_entity_type_entity_id" ON "audit_log" ("entity_type", "entity_id");


CREATE UNIQUE INDEX "ix_departments_code" ON "departments" ("code");


CREATE INDEX "ix_departments_parent_id" ON "departments" ("parent_id");


CREATE INDEX "ix_encounters_attending_staff_id" ON "encounters" ("attending_staff_id");


CREATE INDEX "ix_encounters_department_id_started_at" ON "encounters" ("department_id", "started_at");


CREATE UNIQUE INDEX "ix_encounters_his_id" ON "encounters" ("his_id");


CREATE INDEX "ix_encounters_patient_id" ON "encounters" ("patient_id");


CREATE UNIQUE INDEX "ix_patients_mrn" ON "patients" ("mrn");


CREATE INDEX "ix_patients_name" ON "patients" ("name");


CREATE UNIQUE INDEX "ix_staff_code" ON "staff" ("code");


CREATE INDEX "ix_staff_department_id" ON "staff" ("department_id");


CREATE INDEX "ix_user_department_scopes_department_id" ON "user_department_scopes" ("department_id");




-- The audit log is append-only: the hash chain detects tampering, these triggers refuse it.
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log"
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
