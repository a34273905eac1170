-- Calendar days of the new events (UTC).
INSERT INTO dim_date (day, year, quarter, month, iso_year, iso_week, iso_weekday, is_weekend)
SELECT day,
       extract(year FROM day), extract(quarter FROM day), extract(month FROM day),
       extract(isoyear FROM day), extract(week FROM day), extract(isodow FROM day),
       extract(isodow FROM day) IN (6, 7)
FROM (SELECT DISTINCT event_date AS day FROM run_new_event) AS days
ON CONFLICT (day) DO NOTHING;
