"""The console under test: a real uvicorn server on a free loopback port, in a thread, over a temporary
SQLite file seeded with the demo officers of two counties (and 龙游's demo cases)."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI

from zhengming.lifecycle import CaseService
from zhengming.store import open_store
from zhengming.store.crypto import Keyring
from zhengming.web import create_app


def console_app(path) -> tuple[FastAPI, CaseService]:
    """The real application (API and console) over a new SQLite file with a throwaway key."""
    app = create_app(store=open_store(str(path), keyring=Keyring.generate()))
    return app, app.state.services.cases


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn in a thread; ``url`` once it answers; ``stop()`` ends it."""

    def __init__(self, app: FastAPI):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the console server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
