-- Up Migration

-- The weeks (ISO, from Monday, UTC) in which each visitor had a non-bot session, with the week
-- of their first: weekly cohorts and their return rates read it by first_week. A visitor is a
-- browser (anonymous_id), as in Umami and Plausible: one person on two devices is two visitors.
CREATE TABLE visitor_week (
  anonymous_id  uuid NOT NULL,
  week          date NOT NULL,
  first_week    date NOT NULL,
  sessions      integer NOT NULL,
  PRIMARY KEY (anonymous_id, week)
);
CREATE INDEX visitor_week_cohort_idx ON visitor_week (first_week, week);

INSERT INTO visitor_week (anonymous_id, week, first_week, sessions)
SELECT anonymous_id, week, min(week) OVER (PARTITION BY anonymous_id), sessions
FROM (
  SELECT anonymous_id, date_trunc('week', session_date)::date AS week, count(*) AS sessions
  FROM fact_session
  WHERE NOT is_bot
  GROUP BY 1, 2
) AS w;

-- Down Migration
DROP TABLE visitor_week;
