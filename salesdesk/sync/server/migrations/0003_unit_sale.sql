-- One active subscription per unit (rule 13): the `subscription` table is now arbitrated like
-- a signing desk, by the key in match_key (see rules.UniqueActive).
--
-- 1. Subscriptions pushed before this rule existed have no key yet; without one they would
--    not count as holding their unit. The text must equal rules.Capacity.slot_key, i.e.
--    json.dumps([unit_id]) (one element, so no separator whose spacing could differ).
UPDATE entity_row
   SET match_key = jsonb_build_array(data->'unit_id')::text
 WHERE entity = 'subscription' AND match_key IS NULL;

-- 2. Units that already have two active subscriptions (two devices sold them offline before
--    this rule): what the rule would have done. The first to reach head office keeps the unit;
--    every later one is kept as `conflict` (deposit and all), with a conflict row naming both
--    sides, and all of it goes out on the feed: the devices' copies converge and supervisors
--    see it. The holder is sent again too, for devices that let their copy of it give way.
DO $$
DECLARE
    grp record;
    sub record;
    holder jsonb;
    conflict_id text;
    stamp text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"');
    seq bigint;
BEGIN
    FOR grp IN
        SELECT company_id, match_key FROM entity_row
         WHERE entity = 'subscription' AND data->>'status' = 'active'
           AND NOT coalesce((data->>'deleted')::boolean, false)
         GROUP BY company_id, match_key HAVING count(*) > 1
    LOOP
        holder := NULL;
        FOR sub IN
            SELECT e.row_id, e.data, e.sales_centre_id, e.version FROM entity_row e
             WHERE e.entity = 'subscription' AND e.company_id = grp.company_id
               AND e.match_key = grp.match_key AND e.data->>'status' = 'active'
               AND NOT coalesce((e.data->>'deleted')::boolean, false)
             ORDER BY (SELECT min(l.feed_seq) FROM change_log l
                        WHERE l.company_id = e.company_id AND l.entity = 'subscription'
                          AND l.row_id = e.row_id) NULLS LAST, e.row_id
        LOOP
            IF holder IS NULL THEN
                holder := sub.data;
                CONTINUE;
            END IF;
            UPDATE entity_row
               SET data = jsonb_set(jsonb_set(data, '{status}', '"conflict"'),
                                    '{row_version}', to_jsonb(version + 1)),
                   version = version + 1
             WHERE entity = 'subscription' AND row_id = sub.row_id;
            conflict_id := gen_random_uuid()::text;
            INSERT INTO entity_row (entity, row_id, company_id, sales_centre_id, data, version)
            VALUES ('sync_conflict', conflict_id, grp.company_id, sub.sales_centre_id,
                    jsonb_build_object(
                        'id', conflict_id, 'sales_centre_id', sub.data->'sales_centre_id',
                        'server_seq', 0, 'deleted', false, 'row_version', 1,
                        'created_at', stamp, 'updated_at', stamp,
                        'created_by_device', 'server', 'updated_by_device', 'server',
                        'created_by_staff', NULL, 'updated_by_staff', NULL,
                        'kind', 'subscription', 'entity', 'subscription',
                        'row_id', sub.row_id, 'field', 'status',
                        'kept_value', '"active"', 'current_value', '"conflict"',
                        'losing_device', coalesce(sub.data->>'created_by_device', ''),
                        'losing_staff', sub.data->'updated_by_staff',
                        'change_id', '',
                        'detail', jsonb_build_object(
                            'unit_id', sub.data->'unit_id',
                            'unit_number', (SELECT u.data->'number' FROM entity_row u
                                             WHERE u.entity = 'unit'
                                               AND u.row_id = sub.data->>'unit_id'),
                            'holder', jsonb_build_object(
                                'id', holder->'id', 'status', 'active',
                                'customer_id', holder->'customer_id',
                                'consultant_id', holder->'consultant_id',
                                'price', holder->'price', 'deposit', holder->'deposit',
                                'subscribed_on', holder->'subscribed_on',
                                'created_by_device', holder->'created_by_device'),
                            'loser', jsonb_build_object(
                                'id', sub.data->'id', 'status', 'active',
                                'customer_id', sub.data->'customer_id',
                                'consultant_id', sub.data->'consultant_id',
                                'price', sub.data->'price', 'deposit', sub.data->'deposit',
                                'subscribed_on', sub.data->'subscribed_on',
                                'created_by_device', sub.data->'created_by_device')
                        )::text,
                        'status', 'open', 'resolution', '', 'resolved_by_staff', NULL,
                        'resolved_at', NULL),
                    1);
            UPDATE feed_counter SET last_seq = last_seq + 2 WHERE company_id = grp.company_id
                RETURNING last_seq INTO seq;
            INSERT INTO change_log (company_id, feed_seq, sales_centre_id, change_id, entity,
                                    row_id, operation, status, reason, sends_row, verbatim)
            VALUES (grp.company_id, seq - 1, sub.sales_centre_id, gen_random_uuid()::text,
                    'subscription', sub.row_id, 'update', 'conflict',
                    'unique_active: the unit was sold first elsewhere', true, false),
                   (grp.company_id, seq, sub.sales_centre_id, gen_random_uuid()::text,
                    'sync_conflict', conflict_id, 'insert', 'applied', '', true, false);
        END LOOP;
        UPDATE feed_counter SET last_seq = last_seq + 1 WHERE company_id = grp.company_id
            RETURNING last_seq INTO seq;
        INSERT INTO change_log (company_id, feed_seq, sales_centre_id, change_id, entity,
                                row_id, operation, status, reason, sends_row, verbatim)
        SELECT grp.company_id, seq, e.sales_centre_id, gen_random_uuid()::text, 'subscription',
               e.row_id, 'update', 'applied', 'unique_active: holds the unit', true, false
          FROM entity_row e WHERE e.entity = 'subscription' AND e.row_id = holder->>'id';
    END LOOP;
END $$;
