from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "schakel.children"
    label = "children"
