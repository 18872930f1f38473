"""Every URL of the project against every role (DESIGN §4: "tests enumerate every URL against
every role").

The URL patterns are found by walking the resolver, so a new URL without a row in the table
below fails ("no expectation for URL ..."). Each (URL, method, role) is its own test. GET is
tried on every URL; POST (with no data at all) on every URL that takes a form or only takes
POST. A refusal is always 404 — never 403, never 500 — and says nothing of the child: every
cell checks whether the child's name is in the response, both ways.

Every URL that takes POST is also sent a *valid* form by every role (`test_url_matrix_writes`,
with the payloads and outcomes in `matrix_writes.WRITES`): a permitted role's write must
change the world, a refused role's must change nothing and, where the code logs refusals,
leave a refusal row in the access log. How to add a URL: the top of `matrix_urls`.

Outcomes in the table:
    200    the page (or, for an empty POST, the form again with its errors); the child's name
           is not in it
    200*   the same, and the child's name is in it
    302    a redirect that is not the sign-in page (a form's success, a refusal to someone who
           may read but not change, an already signed-in user leaving the sign-in pages)
    sign   a redirect to the professionals' sign-in page
    ptl    a redirect to the portal's sign-in page (parents and young people)
    400    the form again, with errors, as a bad request
    404    refused, or missing: the same page
    405    the method is not allowed (GET on a POST-only action, POST on a GET-only page)

Roles, one column each (who plays them: `matrix_world.ROLES`):
    anon   nobody signed in
    core   the school's IB'er, in its core team, not involved in the case; the school's
           Meldcode officer (aandachtsfunctionaris)
    tchr   a teacher of the school, not in the core team
    coor   the case's coordinator (regiehouder), a youth nurse at the GGD
    invl   a POH-GGZ involved in the case; consent for her GP practice
    ncon   a youth worker involved in the case, owner of an agreement; no consent for his
           organisation: the case's content, the child's page and the lists are closed to him
    form   a school social worker whose involvement ended yesterday
    coll   another youth nurse of the coordinator's GGD, not involved; the case is offered
           to her in a warm hand-over
    outs   a youth director of another municipality
    oth2   the IB'er of another school, in that school's core team
    priv   the privacy officer, who administers the access log
    supr   an operator account (Django superuser) without a professional
    prnt   the child's mother (custody), in a portal session
    yng    the child herself (13), in a portal session
"""

# The table below is one line per URL and method, one column per role: wider than 100.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.access.matrix_request import request_cell
from tests.access.matrix_urls import Expected, Pattern, parse_table, project_patterns
from tests.access.matrix_world import ROLES, MatrixWorld

MATRIX = """
# URL                            meth anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
web:dashboard                    GET  sign 200* 200  200* 200* 200  200  200  200  200  200  200  404  404
web:healthz                      GET  200  200  200  200  200  200  200  200  200  200  200  200  200  200
web:readyz                       GET  200  200  200  200  200  200  200  200  200  200  200  200  200  200
# Prometheus metrics: a bearer token from the environment, not configured in the tests (404);
# refused without or with a wrong token: tests/observability.
observability:metrics            GET  404  404  404  404  404  404  404  404  404  404  404  404  404  404

# Signing in. The second step and enrolment send a signed-in user on; logout takes POST only.
accounts:login                   GET  200  302  302  302  302  302  302  302  302  302  302  302  404  404
accounts:login                   POST 200  302  302  302  302  302  302  302  302  302  302  302  404  404
accounts:verify                  GET  sign 302  302  302  302  302  302  302  302  302  302  302  404  404
accounts:verify                  POST sign 302  302  302  302  302  302  302  302  302  302  302  404  404
accounts:enrol                   GET  sign 302  302  302  302  302  302  302  302  302  302  302  404  404
accounts:enrol                   POST sign 302  302  302  302  302  302  302  302  302  302  302  404  404
accounts:recovery_codes          GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
accounts:recovery_codes          POST sign 200  200  200  200  200  200  200  200  200  200  200  404  404
accounts:logout                  GET  405  405  405  405  405  405  405  405  405  405  405  405  405  405
accounts:logout                  POST sign sign sign sign sign sign sign sign sign sign sign sign sign sign
# OpenID Connect is off in the test settings.
accounts:oidc_start              GET  404  404  404  404  404  404  404  404  404  404  404  404  404  404
accounts:oidc_callback           GET  404  404  404  404  404  404  404  404  404  404  404  404  404  404

# The sociale kaart is no child data: every signed-in user.
organisations:schools            GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
organisations:school_route       GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
organisations:professional       GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404

# The teams: everyone signed in sees a team; its keeper (the school's contact point, the IB'er
# here) changes members and charter. Empty forms come back with their errors.
teams:detail                     GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
teams:member_add                 GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teams:member_add                 POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teams:charter                    GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teams:charter                    POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teams:member_change              GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teams:member_change              POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404

# Meetings: the IB'er organises a kernteam meeting that has begun, the coordinator and the POH
# are invited; the agenda's case item is seen by those who read the case. Empty forms come back
# with their errors; an unconfirmed cancellation and a refused adoption go back to the page.
meetings:list                    GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
meetings:plan                    GET  sign 200  404  404  404  404  404  404  404  200  404  404  404  404
meetings:plan                    POST sign 200  404  404  404  404  404  404  404  200  404  404  404  404
meetings:availability            GET  sign 200  200  200  200  200  200  200  200  200  200  404  404  404
meetings:availability            POST sign 302  302  302  302  302  302  302  302  302  302  404  404  404
meetings:detail                  GET  sign 200  404  200* 200* 404  404  404  404  404  404  404  404  404
meetings:reschedule              GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
meetings:reschedule              POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
meetings:cancel                  GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
meetings:cancel                  POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
meetings:invitation              GET  sign 200  404  200  200  404  404  404  404  404  404  404  404  404
meetings:agenda_fill             GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
meetings:agenda_fill             POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
meetings:agenda_item_add         GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
meetings:agenda_item_add         POST sign 200  404  200* 200* 404  404  404  404  404  404  404  404  404
meetings:minutes_write           GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
meetings:minutes_write           POST sign 200  404  200* 200* 404  404  404  404  404  404  404  404  404
meetings:decision                GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
meetings:decision                POST sign 200  404  200* 200* 404  404  404  404  404  404  404  404  404
meetings:consultation            GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
meetings:consultation            POST sign 404  404  404  404  404  404  404  404  404  404  404  404  404
meetings:adopt                   GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
meetings:adopt                   POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
meetings:correct                 GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
meetings:correct                 POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404

# The attendance import: the core team of a school imports its exports and follows them (the
# other school's core team has the page, without this school's profiles and imports).
attendance:import                GET  sign 200  404  404  404  404  404  404  404  200  404  404  404  404
attendance:import                POST sign 200  404  404  404  404  404  404  404  200  404  404  404  404
attendance:profile_create        GET  sign 200  404  404  404  404  404  404  404  200  404  404  404  404
attendance:profile_create        POST sign 200  404  404  404  404  404  404  404  200  404  404  404  404
attendance:import_detail         GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
attendance:import_errors         GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
attendance:import_valid_rows     GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
attendance:import_valid_rows     POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
attendance:school                GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
attendance:pupil                 GET  sign 200* 404  404  404  404  404  404  404  404  404  404  404  404

# Truancy reports (verzuimmelding): the school's core team keeps its school's reports (the
# other school's core team has the list, without them); the world's report is a draft, so
# recording DUO or an answer is the form again (the status table). The leerplichtambtenaar's
# reading is in tests/absencereports (no role of the matrix is one).
# The school profile (aggregates only): the school's core team here (the steering group,
# school leaders and policy officers are not roles of this world: tests/schoolprofile). The
# monitor's upload page is for any core team (each row asks for its school) and policy officers.
schoolprofile:list               GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
schoolprofile:detail             GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
schoolprofile:import             GET  sign 200  404  404  404  404  404  404  404  200  404  404  404  404
schoolprofile:import             POST sign 200  404  404  404  404  404  404  404  200  404  404  404  404
absencereports:list              GET  sign 200* 404  404  404  404  404  404  404  200  404  404  404  404
absencereports:detail            GET  sign 200* 404  404  404  404  404  404  404  404  404  404  404  404
absencereports:edit              GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
absencereports:edit              POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
absencereports:confirm           GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
absencereports:confirm           POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
absencereports:sent              GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
absencereports:sent              POST sign 200* 404  404  404  404  404  404  404  404  404  404  404  404
absencereports:answer            GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
absencereports:answer            POST sign 200* 404  404  404  404  404  404  404  404  404  404  404  404
absencereports:export_csv        GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
absencereports:export_print      GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404

# A school's calendar (region, lesson minutes, study days and days off) is kept by its core
# team (policy.may_edit_school_calendar); no child's data.
schoolcalendar:edit              GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
schoolcalendar:edit              POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
schoolcalendar:day_off_add       GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
schoolcalendar:day_off_add       POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
schoolcalendar:day_off_remove    GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
schoolcalendar:day_off_remove    POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404

# The glossary is no child data: every signed-in professional reads it; changing it is the
# functional administrator's (none of these roles).
glossary:list                    GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
glossary:create                  GET  sign 404  404  404  404  404  404  404  404  404  404  404  404  404
glossary:create                  POST sign 404  404  404  404  404  404  404  404  404  404  404  404  404
glossary:edit                    GET  sign 404  404  404  404  404  404  404  404  404  404  404  404  404
glossary:edit                    POST sign 404  404  404  404  404  404  404  404  404  404  404  404  404
glossary:delete                  GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
glossary:delete                  POST sign 404  404  404  404  404  404  404  404  404  404  404  404  404

# The search box: every professional searches among the children they may see (the query is
# the first letters of the child's names, so the page's own echo is no hit).
children:search                  GET  sign 200* 200  200* 200* 200  200  200  200  200  200  200  404  404
# The child: the core team of a current school and those in a case of the child.
# The upload of a school's EDEXML export: the functional administrator of the school's
# board (`policy.pupils`); no role of the matrix world is one (tests/children/test_edexml_import.py).
children:edexml_upload           GET  sign 404  404  404  404  404  404  404  404  404  404  404  404  404
children:edexml_upload           POST sign 404  404  404  404  404  404  404  404  404  404  404  404  404
children:detail                  GET  sign 200* 404  200* 200* 404  404  404  404  404  404  404  404  404
children:custody                 GET  sign 200* 404  200* 200* 404  404  404  404  404  404  404  404  404
children:custody                 POST sign 200* 404  200* 200* 404  404  404  404  404  404  404  404  404
# Measures: read by whoever reads the child; recorded and ended by a certified institution
# (no role here is one). An empty end form goes back to the page with a message.
children:measures                GET  sign 200* 404  200* 200* 404  404  404  404  404  404  404  404  404
children:measures                POST sign 200* 404  200* 200* 404  404  404  404  404  404  404  404  404
children:measure_end             GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
children:measure_end             POST sign 302  404  302  302  404  404  404  404  404  404  404  404  404
# The chronology: the rule of the child's page; the PDF shows the child's name too.
chronology:child                 GET  sign 200* 404  200* 200* 404  404  404  404  404  404  404  404  404
chronology:child_pdf             GET  sign 200* 404  200* 200* 404  404  404  404  404  404  404  404  404

# Signals. Anyone of the school's organisation may search its pupils to raise a signal; the
# signal itself is for the core team (and whoever raised it, or reads a case it is linked to).
signals:list                     GET  sign 200* 200  200  200  200  200  200  200  200  200  200  404  404
signals:raise                    GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
signals:raise                    POST sign 200  200  200  200  200  200  200  200  200  200  200  404  404
signals:pupil_search             GET  sign 200* 200* 200  200  200  200  200  200  200  200  200  404  404
signals:detail                   GET  sign 200* 404  404  404  404  404  404  404  404  404  404  404  404
signals:status                   GET  sign 200* 404  404  404  404  404  404  404  404  404  404  404  404
signals:status                   POST sign 200* 404  404  404  404  404  404  404  404  404  404  404  404
triage:inbox                     GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
triage:inbox                     POST sign 405  405  405  405  405  405  405  405  405  405  405  404  404
# One new signal's triage: the school's core team only; the page names theme and level, not the child.
triage:signal                    GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
triage:signal                    POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
# Rode draad: a discussed class pattern of the school (the world's signal counted). The list is
# everyone's (empty outside the kernteam); the pattern, its escalation and its status are the
# kernteam's. Its pages name theme, class and counts, never the child.
patterns:list                    GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
patterns:list                    POST sign 405  405  405  405  405  405  405  405  405  405  405  404  404
patterns:detail                  GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
patterns:detail                  POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
patterns:status                  GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
patterns:status                  POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404

# Cases: content for the coordinator and those involved; the core team sees that a case exists
# (on the child's page), not what is in it. Closing is the coordinator's: the involved POH is
# sent back to the case page.
cases:list                       GET  sign 200  200  200* 200* 200  200  200  200  200  200  200  404  404
cases:open                       GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
cases:open                       POST sign 200  200  200  200  200  200  200  200  200  200  200  404  404
cases:open_from_signal           GET  sign 200* 404  404  404  404  404  404  404  404  404  404  404  404
cases:open_from_signal           POST sign 200* 404  404  404  404  404  404  404  404  404  404  404  404
cases:detail                     GET  sign 404  404  200* 200* 200  404  404  404  404  404  404  404  404
cases:involve                    GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:involve                    POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:end_involvement            GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:end_involvement            POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:set_coordinator            GET  sign 404  404  200  302  404  404  404  404  404  404  404  404  404
cases:set_coordinator            POST sign 404  404  200  302  404  404  404  404  404  404  404  404  404
cases:consultation               GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:consultation               POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
attachments:add                  GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
attachments:add                  POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
attachments:download             GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
notes:add                        GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
notes:add                        POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
notes:correct                    GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
notes:correct                    POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:plan_step                  GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:plan_step                  POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:agreement_create           GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:agreement_create           POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:agreement_status           GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:agreement_status           POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:intervention               GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:intervention               POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:advice                     GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:advice                     POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:escalate                   GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:escalate                   POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404
cases:close                      GET  sign 404  404  200  302  404  404  404  404  404  404  404  404  404
cases:close                      POST sign 404  404  200  302  404  404  404  404  404  404  404  404  404
cases:emergency_access           GET  sign 200  200  200  200  200  404  200  404  404  404  404  404  404
cases:emergency_access           POST sign 400  400  400  400  400  404  400  404  404  404  404  404  404

# The Meldcode route the POH runs on the case: only she and the aandachtsfunctionaris of the
# child's school (the IB'er) see it, nobody else involved (the coordinator: 404); the privacy
# officer sees the routes of her own organisation only (none here). Whoever contributes to
# the case starts one (an empty form is valid: the signal is optional; the POH already runs
# one, so she gets the form again). Only the runner records a step.
meldcode:list                    GET  sign 200* 200  200  200* 200  200  200  200  200  200  200  404  404
meldcode:start                   GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
meldcode:start                   POST sign 404  404  302  200  404  404  404  404  404  404  404  404  404
meldcode:detail                  GET  sign 200* 404  404  200* 404  404  404  404  404  404  404  404  404
meldcode:step                    GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
meldcode:step                    POST sign 404  404  404  200* 404  404  404  404  404  404  404  404  404

# Dialogue tables: the coordinator chairs the world's table (in review; the POH takes part
# with her account: she reads it and comments) and a synthesis over two adopted tables. Any
# professional starts a table or a synthesis; nobody else sees them. A table holds no child.
dialogue:list                    GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
dialogue:create                  GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
dialogue:create                  POST sign 200  200  200  200  200  200  200  200  200  200  200  404  404
dialogue:detail                  GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
dialogue:edit                    GET  sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:edit                    POST sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:propose                 GET  sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:propose                 POST sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:history_add             GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:history_add             POST sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:participant_add         GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:participant_add         POST sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:factor_add              GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:factor_add              POST sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:recommendation_add      GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:recommendation_add      POST sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:comment                 GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:comment                 POST sign 404  404  404  200  404  404  404  404  404  404  404  404  404
dialogue:review_start            GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:review_start            POST sign 404  404  302  404  404  404  404  404  404  404  404  404  404
dialogue:adopt                   GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:adopt                   POST sign 404  404  302  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_create        GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
dialogue:synthesis_create        POST sign 200  200  200  200  200  200  200  200  200  200  200  404  404
dialogue:synthesis_detail        GET  sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_edit          GET  sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_edit          POST sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_merge         GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:synthesis_merge         POST sign 404  404  302  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_structural    GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:synthesis_structural    POST sign 404  404  302  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_recommendation_add GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:synthesis_recommendation_add POST sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_adopt         GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
dialogue:synthesis_adopt         POST sign 404  404  302  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_report        GET  sign 404  404  200  404  404  404  404  404  404  404  404  404  404
dialogue:synthesis_pdf           GET  sign 404  404  200  404  404  404  404  404  404  404  404  404  404

# The preventiematrix of the school, kept by its core team (the IB'er) and the policy officer
# of the school's municipality (none in this world), read by its steering group (none here):
# a problem in the top 12, an offer, an agreement on regie. No child's data.
prevention:list                  GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
prevention:detail                GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:print                 GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:ranked_add            GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
prevention:ranked_add            POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:ranked_edit           GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:ranked_edit           POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:ranked_remove         GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
prevention:ranked_remove         POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
prevention:offer_add             GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
prevention:offer_add             POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:offer_remove          GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
prevention:offer_remove          POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
prevention:ambition_edit         GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:ambition_edit         POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:regie_add             GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
prevention:regie_add             POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
prevention:regie_remove          GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
prevention:regie_remove          POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
# Team development: among the roles only the IB'er is in the school's core team (a colleague
# without a role too, who filled in the open nulmeting round); she facilitates the world's
# taart van ambities in the kernteam meeting. Nobody else sees that they exist.
teamdevelopment:list             GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
teamdevelopment:team             GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:survey_open      GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
teamdevelopment:survey_open      POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:session_start    GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:session_start    POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:survey           GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:survey_answer    GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
teamdevelopment:survey_answer    POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:survey_close     GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
teamdevelopment:survey_close     POST sign 302  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:session          GET  sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:session_note     GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
teamdevelopment:session_note     POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:session_participant GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
teamdevelopment:session_participant POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:session_scores   GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
teamdevelopment:session_scores   POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404
teamdevelopment:session_action   GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
teamdevelopment:session_action   POST sign 200  404  404  404  404  404  404  404  404  404  404  404  404

# Warm hand-over, offered by the coordinator to her colleague (consent for the GGD): the
# receiver reads the package and decides; the sender sees the status and may withdraw. An
# empty return form comes back with its errors to the receiver only (others: 404).
handover:offer             GET  sign 404  404  200  302  404  404  404  404  404  404  404  404  404
handover:offer             POST sign 404  404  200  302  404  404  404  404  404  404  404  404  404
handover:list                  GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
handover:detail            GET  sign 404  404  200  404  404  404  200* 404  404  404  404  404  404
handover:accept            GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
handover:accept            POST sign 404  404  404  404  404  404  302  404  404  404  404  404  404
handover:return            GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
handover:return            POST sign 404  404  404  404  404  404  200* 404  404  404  404  404  404
handover:withdraw          GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
handover:withdraw          POST sign 404  404  302  404  404  404  404  404  404  404  404  404  404

# Consent: read by whoever reads the child. An empty form is shown again with its errors
# before the service decides, so the core team gets the form back (recording itself is refused
# by `policy.may_manage_consent`: see the valid POSTs in `matrix_writes`). The empty end-of-ground
# form is valid (today by default), and ending is for the file holder, the privacy officer and
# the receiving organisation only (`policy.may_end_legal_ground`): 404 for everyone here.
consent:check                    GET  sign 200* 404  200* 200* 200* 404  404  404  404  404  404  404  404
consent:check                    POST sign 405  405  405  405  405  405  405  405  405  405  405  404  404
consent:child                    GET  sign 200* 404  200* 200* 200* 404  404  404  404  404  404  404  404
consent:record                   GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
consent:record                   POST sign 200* 404  200* 200* 200* 404  404  404  404  404  404  404  404
consent:withdraw                 GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
consent:withdraw                 POST sign 302  404  302  302  302  404  404  404  404  404  404  404  404
consent:ground_record            GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
consent:ground_record            POST sign 200* 404  200* 200* 200* 404  404  404  404  404  404  404  404
consent:ground_end               GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
consent:ground_end               POST sign 404  404  404  404  404  404  404  404  404  404  404  404  404

# The access log: the log administrator only.
audit:log                        GET  sign 404  404  404  404  404  404  404  404  404  200* 404  404  404
audit:dashboard                  GET  sign 404  404  404  404  404  404  404  404  404  200  404  404  404
audit:export                     GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
audit:export                     POST sign 404  404  404  404  404  404  404  404  404  400  404  404  404

# Notifications: one's own (the coordinator's, here).
notifications:list               GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
notifications:read               GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
notifications:read               POST sign 404  404  302  404  404  404  404  404  404  404  404  404  404
notifications:preferences        GET  sign 200  200  200  200  200  200  200  200  200  200  200  404  404
notifications:preferences        POST sign 200  200  200  200  200  200  200  200  200  200  200  404  404

# Retention: the privacy officer; destruction requests also the coordinator of a case of the
# child; the Verwijsindex answer whoever reads the case.
retention:rules                  GET  sign 404  404  404  404  404  404  404  404  404  200  404  404  404
retention:rule_edit              GET  sign 404  404  404  404  404  404  404  404  404  200  404  404  404
retention:rule_edit              POST sign 404  404  404  404  404  404  404  404  404  200  404  404  404
retention:runs                   GET  sign 404  404  404  404  404  404  404  404  404  200  404  404  404
retention:preview                GET  sign 404  404  404  404  404  404  404  404  404  200  404  404  404
retention:run_detail             GET  sign 404  404  404  404  404  404  404  404  404  200  404  404  404
retention:destruction_list       GET  sign 404  404  200* 404  404  404  404  404  404  200* 404  404  404
retention:destruction_register   GET  sign 404  404  200* 404  404  404  404  404  404  200* 404  404  404
retention:destruction_register   POST sign 404  404  200* 404  404  404  404  404  404  200* 404  404  404
retention:destruction_detail     GET  sign 404  404  200* 404  404  404  404  404  404  200* 404  404  404
retention:destruction_decide     GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
retention:destruction_decide     POST sign 404  404  200* 404  404  404  404  404  404  200* 404  404  404
retention:destruction_carry_out  GET  sign 405  405  405  405  405  405  405  405  405  405  405  404  404
retention:destruction_carry_out  POST sign 404  404  200* 404  404  404  404  404  404  200* 404  404  404
retention:verwijsindex           GET  sign 404  404  200  200  404  404  404  404  404  404  404  404  404
retention:verwijsindex           POST sign 404  404  200  200  404  404  404  404  404  404  404  404  404

# The portal: parents and young people in a portal session (which reaches no professional
# page: 404); a professional's session is sent to the portal's sign-in page. Empty POSTs:
# signing the plan needs no data; a missing consent, pending consent or entry id is 404;
# sharing with the parents is for young people from 16. The coordinator answers correction
# requests and withholds entries from the professionals' side.
portal:home                      GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200* 200*
portal_meetings:invitation       GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200  404
portal_meetings:invitation_calendar GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200  404
portal:login                     GET  200  200  200  200  200  200  200  200  200  200  200  200  302  302
portal:login                     POST 200  200  200  200  200  200  200  200  200  200  200  200  302  302
portal:logout                    GET  405  405  405  405  405  405  405  405  405  405  405  405  405  405
portal:logout                    POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl
portal:child                     GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200* 200*
portal:school_info               GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  404  404
portal:consent                   GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200* 200*
portal:consent                   POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200* 200*
portal:consent_pending           GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  405  405
portal:consent_pending           POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  404  404
portal:consent_withdraw          GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  405  405
portal:consent_withdraw          POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302  302
portal:access_log                GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200* 200*
portal:case                      GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200* 200*
portal:contribute                GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200  200
portal:contribute                POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200  200
portal:sign                      GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  405  405
portal:sign                      POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302  302
portal:share                     GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  405  405
portal:share                     POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  404  404
portal:own_view                  GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200  200
portal:own_view                  POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200  200
portal:correction                GET  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200  200
portal:correction                POST ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  200  200
portal:corrections               GET  sign 200  200  200* 200  200  200  200  200  200  200  200  404  404
portal:correction_answer         GET  sign 404  404  200* 404  404  404  404  404  404  404  404  404  404
portal:correction_answer         POST sign 404  404  200* 404  404  404  404  404  404  404  404  404  404
portal:withhold                  GET  sign 404  404  200  404  404  404  404  404  404  404  404  404  404
portal:withhold                  POST sign 404  404  404  404  404  404  404  404  404  404  404  404  404
portal:plan_pdf                  GET  sign 404  404  200* 200* 404  404  404  404  404  404  404  404  404
# A request of the father, who has no custody (BW 1:377c): answered by the case's coordinator.
portal:information_requests      GET  sign 200  200  200* 200  200  200  200  200  200  200  200  404  404
portal:information_answer        GET  sign 404  404  200* 404  404  404  404  404  404  404  404  404  404
portal:information_answer        POST sign 404  404  200* 404  404  404  404  404  404  404  404  404  404

# The API for systems (docs/api.md): OAuth 2 tokens only, so every session gets 401 (a portal
# session reaches no page but the portal's: 404); the token endpoint authenticates the client,
# not a session; the OpenAPI document and its browsable docs are public. The API itself is
# tested with tokens in tests/api.
#                                meth anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
api:token                        GET  405  405  405  405  405  405  405  405  405  405  405  405  404  404
api:token                        POST 400  400  400  400  400  400  400  400  400  400  400  400  404  404
api:schema                       GET  200  200  200  200  200  200  200  200  200  200  200  200  404  404
api:docs                         GET  200  200  200  200  200  200  200  200  200  200  200  200  404  404
api:organisations                GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:organisation                 GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:schools                      GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:school                       GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:pupil_sync                   GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:pupil_sync                   POST 401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:pupil_edexml                 GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:pupil_edexml                 POST 401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:attendance_imports           GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:attendance_imports           POST 401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:attendance_import            GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:notifications                GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:signals                      GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:signals                      POST 401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:signal                       GET  401  401  401  401  401  401  401  401  401  401  401  401  404  404
api:not_found                    GET  404  404  404  404  404  404  404  404  404  404  404  404  404  404

# Django's language switch: back to the page (here: the start page).
set_language                     GET  302  302  302  302  302  302  302  302  302  302  302  302  302  302
set_language                     POST 302  302  302  302  302  302  302  302  302  302  302  302  302  302"""

ROLE_NAMES = list(ROLES)
TABLE = parse_table(MATRIX, ROLE_NAMES)
PATTERNS = project_patterns()
PATTERNS_BY_KEY = {pattern.key: pattern for pattern in PATTERNS}


def _cells() -> Iterator[tuple[Pattern, str, str]]:
    """GET for every pattern the resolver knows (with or without a row), POST where the table
    has a row for it; each for every role."""
    for pattern in PATTERNS:
        for method in ("GET", "POST"):
            if method == "GET" or (pattern.key, method) in TABLE:
                for role in ROLE_NAMES:
                    yield pattern, method, role


CELLS = [
    pytest.param(pattern, method, role, id=f"{pattern.key}-{method}-{role}")
    for pattern, method, role in _cells()
]


@pytest.mark.parametrize(("pattern", "method", "role"), CELLS)
def test_cell(matrix_world: MatrixWorld, db: None, pattern: Pattern, method: str,
              role: str) -> None:
    row = TABLE.get((pattern.key, method))
    if row is None:
        pytest.fail(f"no expectation for URL {pattern.key} ({pattern.route}), {method}: add a "
                    "row to MATRIX")
    expected = row[role]
    outcome = request_cell(matrix_world, pattern, method, role)
    assert outcome.status not in (403, 500)
    assert outcome.as_expected() == expected, (
        f"{pattern.key} {method} as {role}: expected {expected}, got "
        f"{outcome.as_expected()} (Location: {outcome.location!r})")


def test_every_row_is_a_url_of_the_project() -> None:
    stale = sorted({key for key, _method in TABLE} - set(PATTERNS_BY_KEY))
    assert stale == [], f"rows for URLs that no longer exist: {stale}"


def test_every_url_has_a_get_row_and_post_only_urls_a_post_row() -> None:
    missing = [p.key for p in PATTERNS if (p.key, "GET") not in TABLE]
    assert missing == [], f"no expectation for URLs {missing}"
    post_only = [key for (key, method), row in TABLE.items()
                 if method == "GET" and any(e.status == 405 for e in row.values())]
    without_post = [key for key in post_only if (key, "POST") not in TABLE]
    assert without_post == [], f"POST-only URLs without a POST row: {without_post}"


def test_refusals_are_404_and_nobody_outside_sees_the_child() -> None:
    """The table itself keeps the rules: no 403 anywhere, and the child's name only for the
    roles with a relation to the child (core team, pupil search at the school, case,
    hand-over, privacy officer, family)."""
    knows_the_child = {"core", "teacher", "coordinator", "involved", "unconsented", "colleague",
                       "log_admin", "parent", "young_person"}
    for (key, method), row in TABLE.items():
        for role, expected in row.items():
            assert expected.status != 403, (key, method, role)
            if expected.shows_child:
                assert role in knows_the_child, (key, method, role)
                assert expected.status == 200, (key, method, role)


def test_the_walk_finds_namespaced_and_plain_patterns() -> None:
    keys = set(PATTERNS_BY_KEY)
    assert {"cases:detail", "cases:open", "cases:open_from_signal", "set_language"} <= keys
    assert PATTERNS_BY_KEY["cases:plan_step"].kwargs == ("case_id", "step")
    assert PATTERNS_BY_KEY["cases:plan_step"].route == "/casussen/<int:case_id>/plan/<int:step>/"
    assert Expected.parse("200*") == Expected(200, shows_child=True)
    assert Expected.parse("sign") == Expected(302, sign_in="sign")
