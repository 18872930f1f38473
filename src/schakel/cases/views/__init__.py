"""The case pages: browse (list, detail), opening, people (involvement, coordinator) and
content (consultation, plan, agreements, interventions, advice, escalation, closure)."""
