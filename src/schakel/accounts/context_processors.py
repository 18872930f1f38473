from django.http import HttpRequest

from schakel.accounts.signin import second_factor_verified


def second_factor(request: HttpRequest) -> dict[str, object]:
    """`second_factor_verified`: whether the navigation of a fully signed-in user is shown."""
    return {"second_factor_verified": second_factor_verified(request)}
