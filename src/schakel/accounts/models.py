from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who signs in: a professional (see `organisations.Professional`) or, later,
    a parent or young person through the portal."""

    class Meta:
        db_table = "accounts_user"
