from django.http import HttpRequest

from schakel.accounts.models import User
from schakel.notifications.selectors import unread_count


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if isinstance(user, User):
        return {"unread_notifications": unread_count(user=user)}
    return {}
