"""The forms of the case page arrive when they are opened (htmx), or on their own page
without JavaScript, instead of being rendered with every view of the case."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.cases.test_views_actions import nurse, url, w
from tests.support import sign_in
from tests.web.fixtures import WebWorld

__all__ = ["nurse", "w"]



ON_DEMAND = [("cases:consultation", {}), ("cases:plan_step", {"step": 3}),
             ("cases:agreement_create", {}), ("cases:intervention", {}), ("cases:advice", {}),
             ("cases:escalate", {})]


def test_the_case_page_links_its_forms_instead_of_rendering_them(
    nurse: Client, w: WebWorld,
) -> None:
    page = nurse.get(reverse("cases:detail", kwargs={"case_id": w.case.pk})).content.decode()
    for name, kwargs in ON_DEMAND:
        action = url(name, w, **kwargs)
        assert f'hx-get="{action}"' in page
        assert f'href="{action}"' in page  # without JavaScript: the form's own page
        assert f'action="{action}"' not in page
    assert 'name="consultation-signals_seen"' not in page


@pytest.mark.parametrize(("name", "kwargs"), ON_DEMAND)
def test_an_opened_form_arrives_as_a_fragment_that_posts_to_its_page(
    nurse: Client, w: WebWorld, name: str, kwargs: dict[str, object],
) -> None:
    action = url(name, w, **kwargs)
    response = nurse.get(action, headers={"HX-Request": "true"})
    fragment = response.content.decode()
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    assert fragment.startswith("<form")
    assert "<html" not in fragment
    assert f'action="{action}"' in fragment
    assert "csrfmiddlewaretoken" in fragment
    full = nurse.get(action).content.decode()
    assert "<html" in full


def test_an_outsider_gets_no_form_fragment(client: Client, w: WebWorld) -> None:
    outsider = sign_in(client, w.outsider.user)
    response = outsider.get(url("cases:consultation", w), headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert "consultation-signals_seen" not in response.content.decode()
