import re
from pathlib import Path

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_env_example_lists_every_setting_with_a_comment():
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    names = [m.group(1) for m in (re.match(r"^([A-Z_]+)=", line) for line in lines) if m]
    assert sorted(names) == sorted(name.upper() for name in Settings.model_fields)
    for n, line in enumerate(lines):
        if re.match(r"^[A-Z_]+=", line) and not lines[n - 1].startswith(("#", "WEBHOOK_HOST=")):
            raise AssertionError(f"{line.split('=')[0]} has no comment above it")


def test_env_example_defaults_parse(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings()
    assert (settings.bot_token, settings.webhook_url, settings.admin_ids, settings.send_rate) == (None, None, [], 25.0)
