-- One customer per phone (判客): when a device pushes a new customer_phone row, the server looks
-- for another live customer of the same company holding the same E.164 number. Without this
-- index that lookup would read every customer_phone row of the company inside the push
-- transaction (which holds row locks), so a large sales centre would slow every push down.
CREATE INDEX entity_row_customer_phone ON entity_row (company_id, (data->>'e164'))
    WHERE entity = 'customer_phone';
