-- One active subscription per unit (rule 13): the `subscription` table is now arbitrated like
-- a signing desk, by the key in match_key (see rules.UniqueActive). Subscriptions pushed before
-- this rule existed have no key yet; without one they would not count as holding their unit,
-- and a later offline sale of the same unit would go through as a second active subscription.
-- The text must equal rules.Capacity.slot_key: json.dumps([unit_id]) (one element, so the
-- jsonb text form has no separator whose spacing could differ).
UPDATE entity_row
   SET match_key = jsonb_build_array(data->'unit_id')::text
 WHERE entity = 'subscription' AND match_key IS NULL;
