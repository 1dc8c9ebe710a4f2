-- The sync service's own schema (plain versioned SQL, applied in order by migrate.py).
CREATE TABLE company (
    id          text PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL DEFAULT ''
);

-- The per-company counter row that numbers the change feed. It is updated by the last
-- statement before COMMIT, so its row lock orders commits: a reader can never see feed number
-- 14 while 13 is still uncommitted (SYNC.md lesson 4; a BIGSERIAL cursor skips rows).
CREATE TABLE feed_counter (
    company_id  text PRIMARY KEY REFERENCES company(id),
    last_seq    bigint NOT NULL DEFAULT 0
);

CREATE TABLE sales_centre (
    id          text PRIMARY KEY,
    company_id  text NOT NULL REFERENCES company(id),
    code        text NOT NULL UNIQUE,
    name        text NOT NULL DEFAULT ''
);

-- A device that imported the project file itself made its own id for its sales centre; the
-- alias lets its rows through the "belongs to the device's centre" check.
CREATE TABLE centre_alias (
    local_id         text PRIMARY KEY,
    sales_centre_id  text NOT NULL REFERENCES sales_centre(id)
);

CREATE TABLE enrol_code (
    code_hash        text PRIMARY KEY,
    sales_centre_id  text NOT NULL REFERENCES sales_centre(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    used_by_device   text
);

CREATE TABLE device (
    id               text PRIMARY KEY,
    sales_centre_id  text NOT NULL REFERENCES sales_centre(id),
    company_id       text NOT NULL REFERENCES company(id),
    secret_hash      text NOT NULL,
    label            text NOT NULL DEFAULT '',
    last_applied     bigint NOT NULL DEFAULT 0,
    revoked          boolean NOT NULL DEFAULT false,
    enrolled_at      timestamptz NOT NULL DEFAULT now(),
    last_seen        timestamptz
);

CREATE TABLE device_token (
    token_hash  text PRIMARY KEY,
    device_id   text NOT NULL REFERENCES device(id),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX device_token_device ON device_token (device_id);

-- Every change a device pushed (and every row head office wrote), numbered for the feed.
CREATE TABLE change_log (
    company_id       text NOT NULL,
    feed_seq         bigint NOT NULL,
    sales_centre_id  text,             -- NULL: company-wide (configuration, staff)
    change_id        text NOT NULL,
    device_id        text,
    local_seq        bigint,
    entity           text NOT NULL,
    row_id           text NOT NULL,
    operation        text NOT NULL,
    status           text NOT NULL,    -- applied | conflict | rejected | duplicate
    reason           text NOT NULL DEFAULT '',
    row_state        jsonb,            -- the row after this change (what devices pull)
    raw_payload      text,             -- the bytes an append-only record arrived with
    received_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, feed_seq)
);
CREATE UNIQUE INDEX change_log_change_id ON change_log (change_id);
CREATE UNIQUE INDEX change_log_device_seq ON change_log (device_id, local_seq);

-- The current state of every synced row, whatever its table (sync is generic over tables).
CREATE TABLE entity_row (
    entity           text NOT NULL,
    row_id           text NOT NULL,
    company_id       text NOT NULL,
    sales_centre_id  text,
    data             jsonb NOT NULL,
    version          bigint NOT NULL,
    field_meta       jsonb NOT NULL DEFAULT '{}'::jsonb,
    match_key        text,             -- e.g. the slot a booking holds (capacity rule)
    PRIMARY KEY (entity, row_id)
);
CREATE INDEX entity_row_match ON entity_row (entity, company_id, match_key)
    WHERE match_key IS NOT NULL;

CREATE TABLE alarm (
    id          bigserial PRIMARY KEY,
    company_id  text NOT NULL,
    kind        text NOT NULL,
    entity      text NOT NULL,
    row_id      text NOT NULL,
    device_id   text,
    change_id   text,
    detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);
