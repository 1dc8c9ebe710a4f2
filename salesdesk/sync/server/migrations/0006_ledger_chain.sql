-- Every device's disclosure-ledger chain as head office received it: one row per record,
-- keyed by the chain it belongs to (the record's created_by_device, the device's own id) and
-- its place in that chain. A device keeps the acknowledged head; `db verify` compares with it
-- and `db verify --online` with these rows, so rewriting the SQLite file after a sync shows.
-- The primary key is what makes a fork (same chain and number, another record) impossible to
-- store: a second claim on a place is refused and raised as an alarm.
CREATE TABLE ledger_chain (
    company_id       text NOT NULL,
    device_id        text NOT NULL,     -- the record's created_by_device
    chain_seq        bigint NOT NULL,
    hash             text NOT NULL,
    prev_hash        text NOT NULL,
    record_id        text NOT NULL,
    sales_centre_id  text,
    pushed_by        text,              -- the enrolled device that sent it (NULL: backfilled)
    received_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, device_id, chain_seq)
);

-- Records accepted before this table existed. Rows whose numbers are not numbers (a buggy or
-- hostile peer) are left out rather than failing the migration; the first claim on a place
-- wins, as it would have live.
INSERT INTO ledger_chain (company_id, device_id, chain_seq, hash, prev_hash, record_id,
                          sales_centre_id)
SELECT company_id, data->>'created_by_device', (data->>'chain_seq')::bigint, data->>'hash',
       coalesce(data->>'prev_hash', ''), row_id, sales_centre_id
FROM entity_row
WHERE entity = 'disclosure_record'
  AND jsonb_typeof(data->'chain_seq') = 'number' AND data->>'chain_seq' ~ '^[0-9]{1,15}$'
  AND jsonb_typeof(data->'hash') = 'string'
  AND jsonb_typeof(data->'created_by_device') = 'string'
ORDER BY (data->>'chain_seq')::bigint
ON CONFLICT DO NOTHING;
