"""Small, fast work for the engine tests, at module level so worker processes can load it.

A task is ``(kind, argument)``: ``square`` returns the square, ``sleep`` sleeps for the argument,
``exit`` ends the process with that status, ``kill`` kills it with that signal, ``raise``
raises (a bug in the task function). Each result is
``(argument result, worker pid, tasks this worker has done)``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any


class State:
    def __init__(self, folder: str) -> None:
        self.folder = Path(folder)
        self.done = 0


def setup(folder: str) -> State:
    return State(folder)


def cannot_setup(folder: str) -> State:
    raise RuntimeError("the model is missing")


def run(state: State, task: tuple[str, Any]) -> tuple[Any, int, int]:
    kind, arg = task
    if kind == "exit":
        os._exit(arg)
    if kind == "kill":
        os.kill(os.getpid(), arg)
        time.sleep(10)
    if kind == "raise":
        raise ValueError(arg)
    if kind == "sleep":
        time.sleep(arg)
    state.done += 1
    return (arg * arg if kind == "square" else arg, os.getpid(), state.done)


def close(state: State) -> None:
    (state.folder / f"{os.getpid()}.closed").write_text(str(state.done))


def lost(task: tuple[str, Any], why: str, seconds: float) -> tuple[str, Any, str, float]:
    return ("lost", task, why, seconds)
