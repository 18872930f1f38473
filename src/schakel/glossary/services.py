"""Changes to the shared language, by a functional administrator. Each change clears the
cached abbreviation index once it is committed."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.glossary.models import Domain, Meaning, Term
from schakel.glossary.selectors import NEW_TERM, abbreviations_cache_key
from schakel.transactions import service_transaction


def _forget_index() -> None:
    keys = [abbreviations_cache_key(code) for code, _name in settings.LANGUAGES]
    transaction.on_commit(lambda: caches["local"].delete_many(keys))


def _validated(*, name: str, expansion: str, meanings: dict[str, str], term: Term | None,
               ) -> tuple[str, str, dict[str, str]]:
    name, expansion = name.strip(), expansion.strip()
    meanings = {domain: text.strip() for domain, text in meanings.items() if text.strip()}
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Give the term or abbreviation.")
    elif len(name) > 40:
        errors["name"] = _("A term has at most 40 characters.")
    else:
        same = Term.objects.filter(name__iexact=name)
        if term is not None:
            same = same.exclude(pk=term.pk)
        if same.exists():
            errors["name"] = _("“%(name)s” is already in the glossary.") % {"name": name}
    if unknown := set(meanings) - set(Domain.values):
        errors["name"] = _("Unknown domain: %(domain)s.") % {"domain": ", ".join(sorted(unknown))}
    if not meanings:
        errors["meaning_general"] = _("Give the meaning in at least one domain.")
    if errors:
        raise ValidationError(errors)
    return name, expansion, meanings


def _save(term: Term, *, actor: Actor, name: str, expansion: str, is_abbreviation: bool,
          meanings: dict[str, str]) -> None:
    term.name, term.expansion, term.is_abbreviation = name, expansion, is_abbreviation
    term.updated_by = actor.user
    term.save()
    term.meanings.exclude(domain__in=list(meanings)).delete()
    for domain, text in meanings.items():
        Meaning.objects.update_or_create(term=term, domain=domain, defaults={"text": text})


def glossary_term_create(
    *, actor: Actor, name: str, expansion: str = "", is_abbreviation: bool = True,
    meanings: dict[str, str],
) -> Term:
    decision = enforce(actor, policy.may_edit_glossary(actor), event_code=EventCode.GLOSSARY_CHANGE,
                       action=Action.CREATE, subject=NEW_TERM)
    name, expansion, meanings = _validated(
        name=name, expansion=expansion, meanings=meanings, term=None)
    with service_transaction():
        term = Term()
        _save(term, actor=actor, name=name, expansion=expansion,
              is_abbreviation=is_abbreviation, meanings=meanings)
        access_event_record(actor=actor, event_code=EventCode.GLOSSARY_CHANGE,
                            action=Action.CREATE, subject=Subject.of(term, None),
                            ground=decision.log_ground)
        _forget_index()
    return term


def glossary_term_update(
    *, actor: Actor, term: Term, name: str, expansion: str = "", is_abbreviation: bool = True,
    meanings: dict[str, str],
) -> Term:
    decision = enforce(actor, policy.may_edit_glossary(actor), event_code=EventCode.GLOSSARY_CHANGE,
                       action=Action.UPDATE, subject=Subject.of(term, None))
    name, expansion, meanings = _validated(
        name=name, expansion=expansion, meanings=meanings, term=term)
    with service_transaction():
        _save(term, actor=actor, name=name, expansion=expansion,
              is_abbreviation=is_abbreviation, meanings=meanings)
        access_event_record(actor=actor, event_code=EventCode.GLOSSARY_CHANGE,
                            action=Action.UPDATE, subject=Subject.of(term, None),
                            ground=decision.log_ground)
        _forget_index()
    return term


def glossary_term_delete(*, actor: Actor, term: Term) -> None:
    subject = Subject.of(term, None)
    decision = enforce(actor, policy.may_edit_glossary(actor), event_code=EventCode.GLOSSARY_CHANGE,
                       action=Action.DELETE, subject=subject)
    with service_transaction():
        term.delete()
        access_event_record(actor=actor, event_code=EventCode.GLOSSARY_CHANGE,
                            action=Action.DELETE, subject=subject, ground=decision.log_ground)
        _forget_index()
