"""Settings from the environment and `.env` (every one is listed in `.env.example`)."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from typing import Annotated

from storage.db import DEFAULT_URL, normalize_url


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    database_url: str = DEFAULT_URL
    seeds_dir: Path = Path("seeds")
    # base URL of a Bot API server; the bot calls {telegram_api_url}/bot{token}/{method}
    telegram_api_url: str = "https://api.telegram.org"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8080
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    inbox_dir: Path | None = None
    feed_urls: Annotated[list[str], NoDecode] = Field(default_factory=list)
    feed_interval: float = 600.0  # seconds between feed polls
    send_rate: float = 25.0  # messages per second, all chats together
    send_timeout: float = 120.0  # seconds to wait for Telegram's reply to one notification
    analysis_time_limit: float = 60.0  # seconds one document's analysis may take before it fails
    log_level: str = "INFO"

    @field_validator("database_url")
    @classmethod
    def _url(cls, value: str) -> str:
        return normalize_url(value)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _ids(cls, value):
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        return value

    @field_validator("feed_urls", mode="before")
    @classmethod
    def _urls(cls, value):
        if isinstance(value, str):
            return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        return value

    @field_validator("webhook_url", "inbox_dir", mode="before")
    @classmethod
    def _empty_is_none(cls, value):
        return None if value == "" else value

    @field_validator("bot_token", "webhook_secret", mode="before")
    @classmethod
    def _empty_secret(cls, value):
        return None if value == "" else value
