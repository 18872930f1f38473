"""Writes of dialogue tables (`tables`) and of their syntheses (`synthesis`)."""
