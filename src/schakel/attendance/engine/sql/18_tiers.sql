-- Tier 3 also when the pupil was in tier 2 (or higher) in each of the no_improvement_weeks
-- school weeks before this one, is in tier 2 now, and the 4-week rate is still at the tier-2
-- rate and no lower than at the first of those weeks (Attendance Works: no improvement despite
-- tier 2). The rule reads the tiers before it, not its own result, so it is not recursive.
WITH stay AS (
  SELECT
    child_id, school_id, week_seq,
    SUM(CASE WHEN base_tier >= 2 THEN 1 ELSE 0 END)
      OVER (PARTITION BY child_id, school_id ORDER BY week_seq
            RANGE BETWEEN ${no_improvement_weeks} PRECEDING AND 1 PRECEDING) AS weeks_in_2
  FROM pupil_week_base
),
flagged AS (
  SELECT
    b.child_id, b.school_id, b.school_week, b.band, b.base_tier,
    b.rate_reason, b.prior_reason, b.event_reason, b.long_term_reason,
    CASE WHEN b.base_tier = 2 AND s.weeks_in_2 = ${no_improvement_weeks}
              AND b.rate_4w >= ${tier2_rate} AND b.rate_4w >= f.rate_4w
         THEN 'no_improvement' END AS improvement_reason
  FROM pupil_week_base b
  JOIN stay s
    ON s.child_id = b.child_id AND s.school_id = b.school_id AND s.week_seq = b.week_seq
  LEFT JOIN pupil_week_base f
    ON f.child_id = b.child_id AND f.school_id = b.school_id
   AND f.week_seq = b.week_seq - ${no_improvement_weeks}
),
listed AS (
  SELECT
    child_id, school_id, school_week, band,
    CASE WHEN improvement_reason IS NOT NULL THEN 3 ELSE base_tier END AS tier,
    concat_ws(',', rate_reason, prior_reason, event_reason, long_term_reason,
              improvement_reason) AS reason_list
  FROM flagged
)
SELECT
  child_id, school_id, school_week, CAST(tier AS SMALLINT) AS tier, band,
  CASE WHEN reason_list = '' THEN NULL ELSE split(reason_list, ',') END AS reasons
FROM listed
