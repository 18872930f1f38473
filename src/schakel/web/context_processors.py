from django.http import HttpRequest

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.accounts.models import User
from schakel.notifications.selectors import unread_count
from schakel.triage.selectors import triage_inbox_count


def navigation(request: HttpRequest) -> dict[str, object]:
    """What the main navigation shows. The pages themselves still ask the policy."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {}
    actor = actor_from_request(request)
    return {
        "unread_notifications": unread_count(user=user),
        "is_professional": actor.professional is not None,
        "may_read_access_log": bool(policy.may_read_access_log(actor)),
        "may_import_attendance": bool(policy.may_import_attendance_somewhere(actor)),
        "may_sync_pupils": bool(policy.may_sync_pupils_somewhere(actor)),
        "may_list_absence_reports": bool(policy.may_list_absence_reports(actor)),
        "attendance_school_id": min(policy.attendance_figures_school_ids(actor), default=None),
        "may_view_school_profiles": bool(policy.may_list_school_profiles(actor)),
        "in_core_team": bool(policy.core_team_school_ids(actor)),
        "may_list_patterns": bool(policy.may_list_patterns(actor)),
        "new_signal_count": triage_inbox_count(actor=actor),
    }
