-- The reasons for tier 2 and 3 that do not depend on earlier tiers. A reporting event or
-- long-term absence counts from its week to the end of that school year; the prior year's rate
-- is the whole of the previous school year at the same school.
WITH events AS (
  SELECT e.child_id, e.school_id, d.school_year, MIN(d.week_seq) AS first_seq
  FROM reporting_events e
  JOIN school_days d ON d.school_id = e.school_id AND d.day = e.window_end
  GROUP BY e.child_id, e.school_id, d.school_year
),
long_terms AS (
  SELECT l.child_id, l.school_id, w.school_year, MIN(w.week_seq) AS first_seq
  FROM long_term_spans l
  JOIN (SELECT DISTINCT school_id, week_seq, school_year FROM school_days) w
    ON w.school_id = l.school_id AND w.week_seq = l.first_seq + ${long_term_weeks}
  GROUP BY l.child_id, l.school_id, w.school_year
)
SELECT
  r.child_id, r.school_id, r.school_week, r.week_seq, r.school_year, r.rate_ytd, r.rate_4w,
  CASE WHEN r.rate_ytd IS NULL THEN NULL
       WHEN r.rate_ytd < ${band_watch} THEN 'under_5'
       WHEN r.rate_ytd < ${band_moderate} THEN 'watch_5_10'
       WHEN r.rate_ytd < ${band_severe} THEN '10_20'
       ELSE '20_plus' END AS band,
  CASE WHEN r.rate_ytd >= ${tier3_rate} THEN 'rate_20'
       WHEN r.rate_ytd >= ${tier2_rate} THEN 'rate_10' END AS rate_reason,
  CASE WHEN p.rate_year >= ${tier3_prior_rate} THEN 'prior_year_20'
       WHEN p.rate_year >= ${tier2_prior_rate} THEN 'prior_year_10' END AS prior_reason,
  CASE WHEN e.first_seq <= r.week_seq THEN 'reporting_event' END AS event_reason,
  CASE WHEN l.first_seq <= r.week_seq THEN 'long_term' END AS long_term_reason
FROM pupil_week_rates r
LEFT JOIN rates p
  ON p.child_id = r.child_id AND p.school_id = r.school_id
 AND p.school_year = CAST(CAST(substr(r.school_year, 1, 4) AS INT) - 1 AS STRING)
                     || '-' || substr(r.school_year, 1, 4)
LEFT JOIN events e
  ON e.child_id = r.child_id AND e.school_id = r.school_id AND e.school_year = r.school_year
LEFT JOIN long_terms l
  ON l.child_id = r.child_id AND l.school_id = r.school_id AND l.school_year = r.school_year
