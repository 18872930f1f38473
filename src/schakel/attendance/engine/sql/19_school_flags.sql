-- Seed 004 (Bijlage H): tier 1 should suffice for at least 80 % of the pupils; the school is
-- flagged when fewer are in tier 1 in its last school week up to as_of.
WITH current_weeks AS (
  SELECT school_id, MAX(school_week) AS school_week
  FROM school_days
  WHERE day <= ${as_of}
  GROUP BY school_id
),
counts AS (
  SELECT
    t.school_id,
    COUNT(*) AS pupils,
    SUM(CASE WHEN t.tier = 1 THEN 1 ELSE 0 END) AS tier1
  FROM tiers t
  JOIN current_weeks c ON c.school_id = t.school_id AND c.school_week = t.school_week
  GROUP BY t.school_id
)
SELECT
  school_id, CAST(pupils AS BIGINT) AS pupils,
  CAST(tier1 AS DOUBLE) / pupils AS tier1_share,
  CAST(tier1 AS DOUBLE) / pupils < ${school_flag_share} AS flagged
FROM counts
