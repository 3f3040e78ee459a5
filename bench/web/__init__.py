"""The web bench: congtin's pages against vanilla Wagtail, behind Varnish, and nginx serving files."""
