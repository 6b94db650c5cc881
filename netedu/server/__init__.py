"""The Voila app: hardened configuration, landing page and offline template."""

from netedu.server.app import NeteduVoila, make_config, serve

__all__ = ["NeteduVoila", "make_config", "serve"]
