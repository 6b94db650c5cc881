"""The Voila app: handlers, configuration, identity (learner and educator cookies), templates, static files.

Import what you need from its modules (``netedu.server.app`` loads Voila; kernels import only
``netedu.server.identity`` and ``netedu.server.request_info``).
"""
