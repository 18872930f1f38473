-- The input records with the contract's types (partition columns come from the path).
SELECT
  CAST(record_key AS STRING) AS record_key, CAST(child_id AS BIGINT) AS child_id,
  CAST(school_id AS BIGINT) AS school_id, CAST(school_week AS DATE) AS school_week,
  CAST(day AS DATE) AS day, CAST(lesson AS SMALLINT) AS lesson, CAST(kind AS STRING) AS kind,
  CAST(authorised AS BOOLEAN) AS authorised, CAST(minutes AS INT) AS minutes
FROM records_input
