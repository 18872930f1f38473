-- The events one after the other: the first full hit, then each next hit after a restart. The
-- recursion only follows a precomputed lookup, so it has no aggregate (DuckDB and Spark 4).
WITH RECURSIVE chain (child_id, school_id, seq, hit_day, after_day) AS (
  SELECT child_id, school_id, 1, MIN(day), CAST(NULL AS DATE)
  FROM report_full_hits
  GROUP BY child_id, school_id
  UNION ALL
  SELECT c.child_id, c.school_id, c.seq + 1, n.next_day, c.hit_day
  FROM chain c
  JOIN report_next n
    ON n.child_id = c.child_id AND n.school_id = c.school_id AND n.after_day = c.hit_day
)
SELECT child_id, school_id, seq, hit_day, after_day FROM chain
