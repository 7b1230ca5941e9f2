"""Delivery of notifications from the outbox to Telegram: rate limiting, error outcomes, the worker."""
