-- 0006 pre-aggregated sums for the trust report: n, number trusting, Σ score and Σ score² of the valid answers per
-- instrument version, encounter date, department and source (ADR 008). Statement-level triggers with transition
-- tables on survey_responses keep them in step inside every writing transaction — the survey page, QR answers,
-- imports (binary COPY and the re-import UPDATE), demo seeding and any manual fix alike — with one grouped upsert per
-- statement, so a million-row COPY costs one aggregate, not a million upserts. Keys are upserted in key order, so two
-- writers lock the rows they share in the same order. A day's row disappears when its last valid answer does.

CREATE TABLE trust_daily_sums (
    instrument_id integer NOT NULL,
    encounter_date date NOT NULL,
    department_id integer NOT NULL,
    source character varying(16) NOT NULL,
    n integer NOT NULL,
    n_trusting integer NOT NULL,
    sum_score double precision NOT NULL,
    sum_score_sq double precision NOT NULL,
    CONSTRAINT pk_trust_daily_sums PRIMARY KEY (instrument_id, encounter_date, department_id, source)
);

-- A bulk import writes its new answers in many COPY statements; it pauses the insert trigger inside its own
-- transaction (it holds SHARE ROW EXCLUSIVE on survey_responses, so it is the only writer, and nobody else sees its
-- pause row), adds up the sums of what it wrote and upserts them once before it commits.
CREATE TABLE trust_daily_sums_paused (
    id integer NOT NULL,
    CONSTRAINT pk_trust_daily_sums_paused PRIMARY KEY (id)
);

INSERT INTO trust_daily_sums (instrument_id, encounter_date, department_id, source, n, n_trusting, sum_score, sum_score_sq)
SELECT instrument_id, encounter_date, department_id, source, count(*), count(*) FILTER (WHERE trusts), sum(score), sum(score * score)
FROM survey_responses WHERE score IS NOT NULL
GROUP BY instrument_id, encounter_date, department_id, source;

-- A statement's new rows are added (+1) and its old rows taken away (-1), grouped by key, in one upsert. A trigger
-- function sees only the transition tables its trigger declares, hence one function per operation.
CREATE FUNCTION trust_daily_sums_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM trust_daily_sums_paused) THEN
        RETURN NULL; -- a bulk import adds its own sums before it commits
    END IF;
    INSERT INTO trust_daily_sums AS t (instrument_id, encounter_date, department_id, source, n, n_trusting, sum_score, sum_score_sq)
    SELECT instrument_id, encounter_date, department_id, source, count(*), count(*) FILTER (WHERE trusts), sum(score), sum(score * score)
    FROM new_rows WHERE score IS NOT NULL
    GROUP BY instrument_id, encounter_date, department_id, source
    ORDER BY instrument_id, encounter_date, department_id, source
    ON CONFLICT (instrument_id, encounter_date, department_id, source) DO UPDATE SET
        n = t.n + excluded.n, n_trusting = t.n_trusting + excluded.n_trusting,
        sum_score = t.sum_score + excluded.sum_score, sum_score_sq = t.sum_score_sq + excluded.sum_score_sq;
    RETURN NULL;
END $$;

CREATE FUNCTION trust_daily_sums_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO trust_daily_sums AS t (instrument_id, encounter_date, department_id, source, n, n_trusting, sum_score, sum_score_sq)
    SELECT instrument_id, encounter_date, department_id, source,
           sum(sign)::integer, coalesce(sum(sign) FILTER (WHERE trusts), 0)::integer, sum(sign * score), sum(sign * score * score)
    FROM (
        SELECT instrument_id, encounter_date, department_id, source, 1 AS sign, trusts, score FROM new_rows WHERE score IS NOT NULL
        UNION ALL
        SELECT instrument_id, encounter_date, department_id, source, -1, trusts, score FROM old_rows WHERE score IS NOT NULL
    ) changed
    GROUP BY instrument_id, encounter_date, department_id, source
    ORDER BY instrument_id, encounter_date, department_id, source
    ON CONFLICT (instrument_id, encounter_date, department_id, source) DO UPDATE SET
        n = t.n + excluded.n, n_trusting = t.n_trusting + excluded.n_trusting,
        sum_score = t.sum_score + excluded.sum_score, sum_score_sq = t.sum_score_sq + excluded.sum_score_sq;
    DELETE FROM trust_daily_sums t USING (SELECT DISTINCT instrument_id, encounter_date, department_id, source FROM old_rows) o
    WHERE t.n = 0 AND t.instrument_id = o.instrument_id AND t.encounter_date = o.encounter_date
      AND t.department_id = o.department_id AND t.source = o.source;
    RETURN NULL;
END $$;

CREATE FUNCTION trust_daily_sums_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE trust_daily_sums t SET
        n = t.n - o.n, n_trusting = t.n_trusting - o.n_trusting, sum_score = t.sum_score - o.sum_score, sum_score_sq = t.sum_score_sq - o.sum_score_sq
    FROM (
        SELECT instrument_id, encounter_date, department_id, source, count(*)::integer AS n, (count(*) FILTER (WHERE trusts))::integer AS n_trusting,
               sum(score) AS sum_score, sum(score * score) AS sum_score_sq
        FROM old_rows WHERE score IS NOT NULL
        GROUP BY instrument_id, encounter_date, department_id, source
    ) o
    WHERE t.instrument_id = o.instrument_id AND t.encounter_date = o.encounter_date AND t.department_id = o.department_id AND t.source = o.source;
    DELETE FROM trust_daily_sums WHERE n = 0;
    RETURN NULL;
END $$;

CREATE TRIGGER trust_daily_sums_insert AFTER INSERT ON survey_responses
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trust_daily_sums_on_insert();
CREATE TRIGGER trust_daily_sums_update AFTER UPDATE ON survey_responses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trust_daily_sums_on_update();
CREATE TRIGGER trust_daily_sums_delete AFTER DELETE ON survey_responses
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION trust_daily_sums_on_delete();
