"""The meetings' pages: planning (`planning`) and the table itself — agenda, minutes,
decisions (`table`)."""
