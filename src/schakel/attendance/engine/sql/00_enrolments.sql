SELECT
  CAST(child_id AS BIGINT) AS child_id, CAST(school_id AS BIGINT) AS school_id,
  CAST(school_class_id AS BIGINT) AS school_class_id, CAST(start_date AS DATE) AS start_date,
  CAST(end_date AS DATE) AS end_date
FROM enrolments_input
