"""The interface in Dutch and English: the language switch in the header of every page (also
the sign-in pages and the portal), and what is stored as data shown in the reader's language —
the built-in signal themes and the notifications."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel.cases.services.lifecycle import case_involve
from schakel.children.models import MeasureKind
from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.services import notification_send, notification_texts
from schakel.signals.models import BUILT_IN_THEME_LABELS, Theme
from tests.conftest import World
from tests.factories import SignalFactory, ThemeFactory, UserFactory
from tests.portal.fixtures import portal_sign_in
from tests.support import sign_in

pytestmark = pytest.mark.django_db

DUTCH = {"Accept-Language": "nl"}
SWITCH = re.compile(r'<form class="language-switch" method="post" action="/i18n/setlang/"'
                    r'[^>]*aria-label="(?P<label>[^"]+)">.*?</form>', re.DOTALL)


def _switch(html: str) -> str:
    match = SWITCH.search(html)
    assert match is not None, "no language switch"
    return match.group(0)


@pytest.mark.parametrize("name", ["accounts:login", "portal:login"])
def test_the_sign_in_pages_have_the_switch(client: Client, name: str) -> None:
    switch = _switch(client.get(reverse(name), headers=DUTCH).content.decode())
    assert 'aria-label="Taal"' in switch
    assert f'name="next" value="{reverse(name)}"' in switch
    assert 'name="csrfmiddlewaretoken"' in switch
    assert '<span class="language-switch__current" lang="nl" aria-current="true">' \
           'Nederlands</span>' in switch
    assert re.search(r'<button [^>]*type="submit" name="language" value="en" lang="en">'
                     r"English</button>", switch)


def test_signed_in_pages_have_the_switch(client: Client, world: World) -> None:
    sign_in(client, world.core_member.user)
    html = client.get(reverse("signals:list") + "?page=1", headers=DUTCH).content.decode()
    assert 'name="next" value="/signalen/?page=1"' in _switch(html)


def test_portal_pages_have_the_switch(client: Client) -> None:
    portal_sign_in(client, UserFactory())
    _switch(client.get(reverse("portal:home"), headers=DUTCH).content.decode())


def test_switching_to_english_and_back(client: Client) -> None:
    login = reverse("accounts:login")
    response = client.post(reverse("set_language"), {"language": "en", "next": login},
                           headers=DUTCH)
    assert response.status_code == 302
    assert response["Location"] == login
    html = client.get(login, headers=DUTCH).content.decode()
    assert '<html lang="en">' in html
    assert "<h1 class=\"utrecht-heading-1\">Sign in</h1>" in html
    assert 'value="nl" lang="nl">Nederlands</button>' in _switch(html)
    client.post(reverse("set_language"), {"language": "nl", "next": login})
    assert '<html lang="nl">' in client.get(login).content.decode()


@pytest.mark.parametrize(("language", "label"), [("en", "Behaviour"), ("nl", "Gedrag")])
def test_a_built_in_theme_is_shown_in_the_readers_language(
    client: Client, world: World, language: str, label: str,
) -> None:
    signal = SignalFactory(school=world.school, child=world.child, raised_by=world.teacher,
                           theme=Theme.objects.get(code="gedrag"))
    sign_in(client, world.core_member.user)
    client.cookies["django_language"] = language
    html = client.get(reverse("signals:detail", kwargs={"signal_id": signal.pk})).content.decode()
    assert f"<h1 class=\"utrecht-heading-1\">{'Signal' if language == 'en' else 'Signaal'}: " \
           f"{label}</h1>" in html


def test_every_built_in_theme_has_its_stored_dutch_label_as_translation() -> None:
    """The labels the migration stored are the Dutch of the built-in themes' labels."""
    themes = {theme.code: theme.label for theme in Theme.objects.all()}
    assert set(BUILT_IN_THEME_LABELS) <= set(themes)
    with translation.override("nl"):
        assert {code: str(label) for code, label in BUILT_IN_THEME_LABELS.items()} == {
            code: themes[code] for code in BUILT_IN_THEME_LABELS}


def test_a_theme_a_region_added_shows_its_own_label() -> None:
    theme = ThemeFactory(code="schoolangst", label="Schoolangst")
    for language in ("en", "nl"):
        with translation.override(language):
            assert theme.display_label == "Schoolangst"
            assert str(theme) == "Schoolangst"


def test_a_notification_is_read_in_the_readers_language(client: Client, world: World) -> None:
    """A Dutch-speaking coordinator involves the teacher; the teacher reads English."""
    with translation.override("nl"):
        case_involve(actor=world.actor(world.nurse), case=world.case,
                     professional=world.teacher, part="Observeren in de klas")
    notification = Notification.objects.get(recipient=world.teacher.user,
                                            kind=NotificationKind.INVOLVED)
    ref = world.case.reference
    assert notification.texts == {"nl": f"Je bent betrokken bij casus {ref}.",
                                  "en": f"You have been involved in case {ref}."}
    sign_in(client, world.teacher.user)
    client.cookies["django_language"] = "en"
    assert f"You have been involved in case {ref}." in client.get(
        reverse("notifications:list")).content.decode()
    client.cookies["django_language"] = "nl"
    assert f"Je bent betrokken bij casus {ref}." in client.get(
        reverse("notifications:list")).content.decode()


def test_labels_and_dates_in_a_notification_follow_the_language() -> None:
    def message() -> str:
        return _("%(measure)s for %(child)s from %(date)s. Contact: %(worker)s, "
                 "%(organisation)s.") % {
            "measure": MeasureKind.OTS.label, "child": "Bas Jansen",
            "date": date_format(dt.date(2026, 3, 2), "j F Y"), "worker": "Nadia Kuipers",
            "organisation": "GI Twente"}

    texts = notification_texts(message)
    with translation.override("en"):
        english = message()
    with translation.override("nl"):
        dutch = message()
    assert texts == {"en": english, "nl": dutch}
    assert english.startswith("Supervision order (OTS) for Bas Jansen from 2 March 2026.")
    assert dutch.startswith("Ondertoezichtstelling (OTS) voor Bas Jansen vanaf 2 maart 2026.")


def test_a_plain_text_notification_and_rows_from_before_keep_their_one_text() -> None:
    user = UserFactory()
    [sent] = notification_send(recipients=[user], kind=NotificationKind.INVOLVED,
                               message="Je bent betrokken.")
    sent.refresh_from_db()
    assert sent.texts == {}
    for language in ("en", "nl"):
        with translation.override(language):
            assert sent.text == "Je bent betrokken."


def test_the_switch_on_a_missing_page_goes_back_through_the_referer(client: Client) -> None:
    """A missing and a refused page must look the same, so the 404 page's switch does not
    repeat the path; set_language goes back to the page it came from."""
    html = client.get("/bestaat-niet/", headers=DUTCH).content.decode()
    assert 'name="next"' not in _switch(html)
    response = client.post(reverse("set_language"), {"language": "en"},
                           headers={"Referer": "http://testserver/bestaat-niet/"})
    assert response["Location"] == "http://testserver/bestaat-niet/"
