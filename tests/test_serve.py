"""``zhengming serve`` as a user starts it: the embedded default database, no set-up, a real port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serving(tmp_path, *options: str) -> tuple[subprocess.Popen, int]:
    """``zhengming serve`` as a user starts it, on a free port, with no key of its own yet (the database
    and config directory under ``tmp_path``)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("ZHENGMING_KEY_FILE", "ZHENGMING_KEY")}
    env |= {"ZHENGMING_DB": str(tmp_path / "office.sqlite"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    command = [str(Path(sys.executable).parent / "zhengming"), "serve", *options, "--port", str(port)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), port


def first_answer(server: subprocess.Popen, url: str, tries: int) -> httpx.Response | None:
    """The first answer to GET ``url`` once the server listens (``None``: it exited, or never answered)."""
    for _ in range(tries):
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            if server.poll() is not None:
                return None
            time.sleep(0.1)
    return None


def test_serve_answers_on_the_embedded_default_and_stops_cleanly(tmp_path):
    server, port = start_serving(tmp_path)
    try:
        answer = first_answer(server, f"http://127.0.0.1:{port}/api/cases", 150)
        assert answer is not None, server.stderr.read() if server.poll() is not None else "no answer"
        assert answer.status_code == 401 and answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["code"] == "unauthenticated" and "身份验证" in answer.json()["title"]
        spec = httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        assert spec["components"]["schemas"]["Case"]["$id"].endswith("case.schema.json")
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert (tmp_path / "office.sqlite").exists() and (tmp_path / "config" / "zhengming" / "key").exists()
    assert "已新建密钥" in err and f"127.0.0.1:{port}" in err  # the new key announced once, the address shown
    assert "Traceback" not in err


def test_serve_refuses_a_bad_time_zone_and_a_bad_database(tmp_path):
    zhengming = str(Path(sys.executable).parent / "zhengming")
    env = os.environ | {"ZHENGMING_KEY_FILE": str(tmp_path / "key"), "ZHENGMING_DB": str(tmp_path / "x.sqlite")}
    zone = subprocess.run([zhengming, "serve", "--timezone", "Mars/Olympus"], env=env, capture_output=True, text=True)
    assert zone.returncode == 2 and "--timezone" in zone.stderr and "Traceback" not in zone.stderr
    bad = subprocess.run([zhengming, "--db", "postgresq://nowhere/x", "serve"], env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr, bad.stderr


def test_serve_demo_is_one_command_to_a_console_one_can_log_in_to(tmp_path):
    """``zhengming serve --demo``: a throwaway database with the demo officers, their password printed,
    the user's own default database and key untouched."""
    server, port = start_serving(tmp_path, "--demo")
    try:
        page = first_answer(server, f"http://127.0.0.1:{port}/login", 300)
        assert page is not None and page.status_code == 200 and "登录" in page.text
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", follow_redirects=True) as client:
            login = client.post("/login", data={"name": "李承办", "password": "zhengming-demo"})
            assert login.status_code == 200 and "我的待办" in login.text and "zhejiang.quzhou.longyou" in login.text
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert "zhengming-demo" in err and "李承办" in err and "周承办" in err  # who to log in as, and how
    assert not (tmp_path / "office.sqlite").exists() and not (tmp_path / "config").exists()
    assert "Traceback" not in err
