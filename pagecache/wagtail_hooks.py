from wagtail import hooks

from .middleware import remember_route

hooks.register("before_serve_page", remember_route)
