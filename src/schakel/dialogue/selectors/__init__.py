"""Reads of dialogue tables and their syntheses. An anonymised table holds no child's data,
so its reads are not logged reads; a refusal is logged like every other (`audit.enforce`),
and the missing and the forbidden get the same 404."""
