"""When the team sees a distribution of its answers (DESIGN §2.11: "answers shown to the team
as a distribution, never per person").

The rule, in this one function so that it can later go through the shared suppression of
aggregates (`schakel.aggregates`) without touching its callers:

- a distribution (and the mean computed from it) is shown only when at least
  `MIN_RESPONDENTS` members answered: with two, each of them reads the other's answer from
  the distribution by leaving out their own;
- and only once the answers are final (a closed round; the marks of a taart van ambities,
  recorded all at once): while answers still come in, the change one answer makes would be
  that colleague's answer.

Below the minimum nothing of the answers is shown, only how many answered."""

from __future__ import annotations

MIN_RESPONDENTS = 3


def distribution_shown(*, respondents: int, final: bool) -> bool:
    return final and respondents >= MIN_RESPONDENTS
