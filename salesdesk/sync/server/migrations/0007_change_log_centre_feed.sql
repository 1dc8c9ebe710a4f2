-- A pull reads its sales centre's entries and the company-wide ones after its cursor. With only
-- the primary key (company_id, feed_seq) it read every entry of the company after the cursor and
-- dropped the other centres' (19 in 20 with twenty centres): the cost of a pull grew with the
-- number of sales centres. Each of the two parts now reads its own range of this index.
CREATE INDEX change_log_centre_feed ON change_log (company_id, sales_centre_id, feed_seq);
