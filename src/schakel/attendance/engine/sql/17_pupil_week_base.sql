SELECT
  child_id, school_id, school_week, week_seq, school_year, rate_4w, band,
  rate_reason, prior_reason, event_reason, long_term_reason,
  CASE WHEN rate_reason = 'rate_20' OR prior_reason = 'prior_year_20'
            OR long_term_reason IS NOT NULL THEN 3
       WHEN rate_reason IS NOT NULL OR prior_reason IS NOT NULL
            OR event_reason IS NOT NULL THEN 2
       ELSE 1 END AS base_tier
FROM pupil_week_reasons
