from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class WebConfig(AppConfig):
    """The web shell: the pages composed from several apps, the error pages, the menu."""

    name = "schakel.web"
    label = "web"

    def ready(self) -> None:
        # Every app's `panels` module registers what it adds to the pages of lower apps
        # (see `schakel.http.panels`), as the admin discovers `admin` modules.
        autodiscover_modules("panels")
