"""The security suite drives the same Chromium as the browser tests."""

from tests.browser.conftest import browser_context_args, browser_type_launch_args  # noqa: F401 - fixtures
