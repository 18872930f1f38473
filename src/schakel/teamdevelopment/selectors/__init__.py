"""Reads of the team's development: the team's page with its trends, a round, a session."""
