"""Reads of the portal: the family side (`family`, `consent`) and what the professionals see
of it (`professionals`)."""
