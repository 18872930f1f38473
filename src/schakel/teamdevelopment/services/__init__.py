"""Writes of the team's development: questionnaire rounds and answers, taart van ambities."""
