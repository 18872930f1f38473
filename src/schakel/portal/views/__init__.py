"""Pages of the portal: for parents and young people (`family`) and the professionals' pages
about it (`professionals`: corrections to answer, entries to withhold)."""
