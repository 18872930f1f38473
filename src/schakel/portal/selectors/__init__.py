"""Reads of the portal: the family side (`family`, `consent`, `access_log`) and what the
professionals see of it (`professionals`)."""
