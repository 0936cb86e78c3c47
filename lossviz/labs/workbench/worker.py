"""The symbolic steps of a new typed formula (diff, LaTeX, lambdify) run first in a child process
with a time and a memory limit: a formula that takes too long there is refused, so the server only
repeats work it knows to be short."""

from __future__ import annotations

import atexit
import json
import math
import os
import select
import subprocess
import sys
import threading

from lossviz.labs.workbench.expression import Expression, compile_expression
from lossviz.labs.workbench.syntax import ExpressionError, parse_tree

SYMBOLIC_SECONDS = 3.0  # the worker's time limit for a new expression's diff, latex and lambdify
WORKER_MEMORY = 1 << 30  # bytes of address space the worker may use beyond what it starts with


def compile_vetted(text: str, task: str) -> Expression:
    """compile_expression, after the parse check here and the symbolic steps in the worker under
    SYMBOLIC_SECONDS."""
    parse_tree(text, task)  # the cheap refusals need no worker
    vet(text, task)
    return compile_expression(text, task)



class Worker:
    """A child process that compiles expressions, one at a time; killed and restarted when one takes
    longer than the time limit. Threads share it, one request at a time."""

    def __init__(self):
        self._process: subprocess.Popen | None = None
        self._ready = False  # the running process has said it is ready
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the process if it is not running (it takes about a second to import sympy)."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None:
            self._ready = False
            self._process = subprocess.Popen(
                [sys.executable, "-m", "lossviz.labs.workbench.worker"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        return self._process

    def _reply(self, process: subprocess.Popen, seconds: float) -> dict | None:
        """The worker's next line as a dict, or None when it sends none within `seconds` (or died)."""
        ready, _, _ = select.select([process.stdout], [], [], seconds)
        line = process.stdout.readline() if ready else b""
        return json.loads(line) if line else None

    def _kill(self) -> None:
        self._process.kill()
        self._process.wait()
        self._process.stdin.close()
        self._process.stdout.close()
        self._process = None

    def stop(self) -> None:
        with self._lock:
            if self._process is not None:
                self._kill()

    def run(self, text: str, task: str, seconds: float) -> None:
        """Compile in the worker; ExpressionError("too_complex") when it takes over `seconds`
        (counted from the request, once the worker is ready) or the worker dies."""
        with self._lock:
            process = self._ensure()
            if not self._ready and self._reply(process, STARTUP_SECONDS) is None:
                self._kill()
                raise RuntimeError("the expression worker did not start")
            self._ready = True
            process.stdin.write((json.dumps({"text": text, "task": task}) + "\n").encode())
            process.stdin.flush()
            reply = self._reply(process, seconds)
            if reply is None:
                self._kill()
            if reply is None or reply["seconds"] > seconds:
                raise ExpressionError("too_complex", seconds=f"{seconds:g}")


STARTUP_SECONDS = 20.0  # a new worker imports numpy and sympy (about a second) before it says it is ready
_WORKER = Worker()
atexit.register(_WORKER.stop)


def vet(text: str, task: str, seconds: float = SYMBOLIC_SECONDS) -> None:
    """Raise ExpressionError unless `text` compiles in the worker within `seconds`."""
    _WORKER.run(text, task, seconds)


def start_worker() -> None:
    """Start the worker ahead of the first expression (a page that takes expressions calls it)."""
    _WORKER.start()


def _serve() -> None:
    """The worker's loop: one JSON request per line in, one reply per line out."""
    import resource
    import time

    with open("/proc/self/statm") as statm:  # the address space in use now, in pages
        used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (used + WORKER_MEMORY, resource.RLIM_INFINITY))
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        request = json.loads(line)
        start = time.perf_counter()
        try:
            compile_expression(request["text"], request["task"])
            reply = {"ok": True}
        except ExpressionError as error:
            reply = {"ok": False, "key": error.key}
        except MemoryError:
            reply = {"ok": False, "key": "too_complex", "seconds": math.inf}
        reply.setdefault("seconds", time.perf_counter() - start)
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    _serve()
