"""Pages of dialogue tables and their syntheses."""
