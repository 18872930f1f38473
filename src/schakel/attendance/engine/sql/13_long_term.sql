SELECT child_id, school_id, first_week, last_week, weeks FROM long_term_spans
