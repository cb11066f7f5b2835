-- 0010 the public transparency portal (issue 11, PORTAL.md): catalogue pages with Markdown versions (draft → review →
-- published, scheduled), doctors' outpatient sessions and stop-clinic notices, price lists, 您说·我们做, events and registrations.

CREATE TABLE "portal_pages" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_portal_pages" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "category" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "deadline_working_days" INTEGER NOT NULL,
    "changed_on" TEXT NULL,
    "due_on" TEXT NULL,
    "tags" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ix_portal_pages_kind_slug" ON "portal_pages" ("kind", "slug");
CREATE INDEX "ix_portal_pages_due_on" ON "portal_pages" ("due_on");

CREATE TABLE "portal_page_versions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_portal_page_versions" PRIMARY KEY AUTOINCREMENT,
    "page_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "written_by" TEXT NOT NULL,
    "written_at" TEXT NOT NULL,
    "reviewed_by" TEXT NULL,
    "reviewed_at" TEXT NULL,
    "publish_at" TEXT NULL,
    CONSTRAINT "fk_portal_page_versions_portal_pages_page_id" FOREIGN KEY ("page_id") REFERENCES "portal_pages" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_portal_page_versions_page_id_number" ON "portal_page_versions" ("page_id", "number");

CREATE TABLE "clinic_sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_clinic_sessions" PRIMARY KEY AUTOINCREMENT,
    "staff_id" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "half_day" TEXT NOT NULL,
    "clinic_kind" TEXT NOT NULL,
    "place" TEXT NULL,
    CONSTRAINT "fk_clinic_sessions_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_clinic_sessions_staff_id_weekday_half_day" ON "clinic_sessions" ("staff_id", "weekday", "half_day");

CREATE TABLE "clinic_stops" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_clinic_stops" PRIMARY KEY AUTOINCREMENT,
    "staff_id" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "half_day" TEXT NOT NULL,
    "reason" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_clinic_stops_staff_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_clinic_stops_staff_id_date" ON "clinic_stops" ("staff_id", "date");

CREATE TABLE "price_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_price_items" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "code" TEXT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT NULL,
    "exclusions" TEXT NULL,
    "brand_name" TEXT NULL,
    "dosage_form" TEXT NULL,
    "specification" TEXT NULL,
    "unit" TEXT NOT NULL,
    "price" TEXT NOT NULL,
    "insurance_class" TEXT NULL,
    "manufacturer" TEXT NULL,
    "note" TEXT NULL,
    "line" INTEGER NOT NULL,
    "imported_at" TEXT NOT NULL
);
CREATE INDEX "ix_price_items_kind_line" ON "price_items" ("kind", "line");

CREATE TABLE "you_said_we_did" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_you_said_we_did" PRIMARY KEY AUTOINCREMENT,
    "quarter" TEXT NOT NULL,
    "department_id" INTEGER NULL,
    "theme" TEXT NOT NULL,
    "said" TEXT NOT NULL,
    "did" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "done_on" TEXT NULL,
    "source_kind" TEXT NULL,
    "source_id" INTEGER NULL,
    "published" INTEGER NOT NULL,
    "written_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_you_said_we_did_departments_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE SET NULL
);
CREATE INDEX "ix_you_said_we_did_quarter_department_id" ON "you_said_we_did" ("quarter", "department_id");
CREATE INDEX "ix_you_said_we_did_department_id" ON "you_said_we_did" ("department_id");

CREATE TABLE "portal_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_portal_events" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "cancelled_at" TEXT NULL,
    "created_at" TEXT NOT NULL
);
CREATE INDEX "ix_portal_events_starts_at" ON "portal_events" ("starts_at");

CREATE TABLE "event_registrations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_event_registrations" PRIMARY KEY AUTOINCREMENT,
    "event_id" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mobile_encrypted" TEXT NOT NULL,
    "mobile_masked" TEXT NOT NULL,
    "mobile_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attended" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "cancelled_at" TEXT NULL,
    CONSTRAINT "fk_event_registrations_portal_events_event_id" FOREIGN KEY ("event_id") REFERENCES "portal_events" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_event_registrations_event_id_mobile_hash" ON "event_registrations" ("event_id", "mobile_hash");
CREATE UNIQUE INDEX "ix_event_registrations_reference" ON "event_registrations" ("reference");
