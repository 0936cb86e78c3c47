"""Untrusted work, a typed formula's symbolic steps and an uploaded file's parsing, runs in a pool
of child processes, each under a CPU-time and a memory limit and killed when it passes either. The
server keeps only their small JSON replies (labs.workbench.program, numeric columns).

The pool is fair: it has more workers than cores, so two slow visitors never hold them all; jobs
start first come, first served, one at a time per session, and a waiting page is told its place in
the queue. A slow job yields to the pages under a CPU quota (_SlowJob). A failure of a worker is
reported to its caller only, never kept in a cache.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import contextvars
import json
import math
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from lossviz.labs.workbench.program import Expression
from lossviz.labs.workbench.syntax import ExpressionError, parse_tree

JOB_SECONDS = 1  # CPU seconds a job may use in its worker (the server counts them and kills past them)
WALL_SECONDS = 8.0  # and wall-clock seconds from its start (a busy machine, and niceness, stretch CPU seconds)
WORKER_MEMORY = 192 << 20  # bytes of address space a worker may add to what it holds when ready
WORKER_JOBS = 100  # jobs a worker serves before it is replaced (sympy's caches grow with each formula)
POOL_SIZE = (os.cpu_count() or 1) + 1
NICENESS = 19  # a slow job yields the cores to the pages: slow formulas must not slow the other visitors
DEMOTE_SECONDS = 0.1  # CPU seconds after which a job is slow (a typical formula takes a few milliseconds)
SLOW_SHARE = 6  # the slow job runs one look (CPU_POLL_SECONDS) in this many: a sixth of a core at most
STARTUP_SECONDS = 30.0  # the first worker waits for the forkserver to import numpy, sympy and pandas
POLL_SECONDS = 0.25  # how often a waiting page hears its place in the queue
CPU_POLL_SECONDS = 0.05  # how often the server reads a running job's CPU time
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class JobFailed(Exception):
    """A job its worker did not finish: `key` is the cause (too_slow, too_much_memory, worker_failed),
    `values` what its message shows. Never cached: the same input may pass on a quieter server."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(key)


# --- the server's side ------------------------------------------------------------------------

# Workers are forked from a process that has imported sympy and pandas once (the forkserver):
# a new worker is ready in milliseconds, not after a second of imports, so one that is killed costs
# the machine no second import (docs/SECURITY.md: a restart had cost more CPU than the job it ended).
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(["lossviz.labs.workbench.expression", "lossviz.labs.workbench.upload"])


@dataclass(eq=False)
class _Slot:
    """One worker process, its end of the pipe, and whether it has said it is ready."""

    process: multiprocessing.process.BaseProcess | None = None
    connection: Connection | None = None
    ready: bool = False
    busy: bool = False
    served: int = 0

    def spawn(self) -> None:
        self.connection, theirs = _FORKS.Pipe()
        self.process = _FORKS.Process(target=_serve, args=(theirs,), daemon=True)
        self.process.start()
        theirs.close()
        self.ready, self.served = False, 0

    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def warm(self) -> bool:
        """Whether the worker has said it is ready (read without waiting)."""
        if not self.ready and self.alive() and self.connection.poll(0):
            self.ready = self.reply(0) is not None
        return self.ready

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.process.close()
            self.connection.close()
        self.process, self.connection, self.ready = None, None, False

    def send(self, request: dict) -> None:
        self.connection.send_bytes(json.dumps(request).encode())

    def reply(self, seconds: float, cpu_seconds: float = math.inf, on_cpu=None) -> dict | None:
        """The worker's next message as a dict; None when none comes within `seconds` on the clock or
        `cpu_seconds` of the worker's CPU time, or when it died. `on_cpu(used)` hears the CPU seconds
        used so far at each look."""
        start = self.cpu_seconds()
        deadline, cpu_limit = time.monotonic() + seconds, start + cpu_seconds
        while True:
            left = deadline - time.monotonic()
            if self.connection.poll(max(0.0, min(left, CPU_POLL_SECONDS))):
                break
            used = self.cpu_seconds()
            if left <= 0 or used > cpu_limit:
                return None
            if on_cpu is not None:
                on_cpu(used - start)
        try:
            return json.loads(self.connection.recv_bytes())
        except (EOFError, OSError, ValueError):
            return None

    def cpu_seconds(self) -> float:
        """The CPU time the worker has used, read from /proc (the kernel's RLIMIT_CPU is not kept on
        every host: gVisor's sandbox ignores it)."""
        try:
            with open(f"/proc/{self.process.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            return math.inf  # it has ended
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class _SlowJob:
    """A job's priority as it runs. Every job starts at the visitors' priority, so a trivial formula is
    drawn at once. Past DEMOTE_SECONDS of CPU it drops to the lowest priority, and only one such slow
    job runs at a time (the holder of `lane`), for one look in SLOW_SHARE; the others are paused
    until their turn. So slow formulas, however many visitors send them, take a sixth of a core at
    most (a quota, as a container's CPU limit sets one), and only what the pages leave."""

    def __init__(self, pid: int, lane: threading.Lock):
        self.pid, self.lane = pid, lane
        self.demoted = self.holding = self.paused = False
        self.looks = 0

    def used(self, seconds: float) -> None:
        if seconds < DEMOTE_SECONDS:
            return
        with contextlib.suppress(OSError):  # a worker that has just ended
            if not self.demoted:
                os.setpriority(os.PRIO_PROCESS, self.pid, NICENESS)
                self.demoted = True
            if not self.holding:
                self.holding = self.lane.acquire(blocking=False)
            self.looks += 1
            runs = self.holding and self.looks % SLOW_SHARE == 0  # one look in SLOW_SHARE: a quota of a core
            if self.paused == runs:  # paused while it may run, or running while it may not
                os.kill(self.pid, signal.SIGCONT if runs else signal.SIGSTOP)
                self.paused = not runs

    def end(self) -> None:
        if self.holding:
            self.lane.release()
        self.holding = False


@dataclass(eq=False)
class _Job:
    session: object


class Pool:
    """POOL_SIZE workers shared by every session of the server."""

    def __init__(self, size: int = POOL_SIZE, job_seconds: int = JOB_SECONDS, wall_seconds: float = WALL_SECONDS):
        self.job_seconds, self.wall_seconds = job_seconds, wall_seconds
        self._slots = [_Slot() for _ in range(size)]
        self._queue: list[_Job] = []
        self._running: set = set()  # the sessions with a job in a worker
        self._changed = threading.Condition()
        self._stopped = False
        self._slow_lane = threading.Lock()  # held by the one slow job that may run (_SlowJob)

    def start(self) -> None:
        """Start every worker that is not running (each takes about a second to import)."""
        with self._changed:
            self._stopped = False
            for slot in self._slots:
                if not slot.alive() and not slot.busy:
                    slot.spawn()

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            for slot in self._slots:
                slot.kill()

    def run(self, request: dict, session=None, on_wait: Callable[[int], None] | None = None) -> dict:
        """The worker's reply to `request`; JobFailed when the worker passed a limit or died. The job
        waits its turn behind the jobs queued before it and any job of its own `session` (None: a
        caller of its own); `on_wait(place)` hears its place in the queue, then 0 when it starts."""
        job = _Job(object() if session is None else session)
        with self._changed:
            self._queue.append(job)
        try:
            slot, waited = self._turn(job, on_wait)
        finally:
            with self._changed:
                if job in self._queue:  # the caller gave up waiting (a page that reran)
                    self._queue.remove(job)
                    self._changed.notify_all()
        try:
            if waited:
                on_wait(0)
            return self._served(slot, request)
        finally:  # also when on_wait raises (Streamlit stops a page's run that way)
            with self._changed:
                slot.busy = False
                self._running.discard(job.session)
                if not slot.alive() and not self._stopped:
                    slot.spawn()  # warm again before the next job needs it
                self._changed.notify_all()

    def _turn(self, job: _Job, on_wait) -> tuple[_Slot, bool]:
        """A worker for `job` once its turn comes, and whether it waited (`on_wait` heard its place)."""
        told = 0
        while True:
            with self._changed:
                slot = self._take(job)
                if slot is None:
                    self._changed.wait(POLL_SECONDS)
                    slot = self._take(job)
                if slot is not None:
                    return slot, bool(told)
                place = self._queue.index(job) + 1
            if on_wait is not None and place != told:
                on_wait(place)
                told = place

    def _take(self, job: _Job) -> _Slot | None:
        """A free worker for `job` if it is first in the queue among the sessions with no job running."""
        first = next((queued for queued in self._queue if queued.session not in self._running), None)
        free = sorted((slot for slot in self._slots if not slot.busy), key=lambda slot: not slot.warm())
        free = free[0] if free else None  # a warm worker first: one that restarts may take seconds
        if first is not job or free is None:
            return None
        self._queue.remove(job)
        self._running.add(job.session)
        free.busy = True
        return free

    def _served(self, slot: _Slot, request: dict) -> dict:
        try:
            return self._exchange(slot, request)
        except (OSError, ValueError, AttributeError):  # the pipe broke, or stop() took the worker away
            slot.kill()
            raise JobFailed("worker_failed") from None

    def _exchange(self, slot: _Slot, request: dict) -> dict:
        if not slot.alive():
            slot.spawn()
        if not slot.ready:
            if slot.reply(STARTUP_SECONDS) is None:
                slot.kill()
                raise JobFailed("worker_failed")
            slot.ready = True
        slot.send({**request, "seconds": self.job_seconds})
        slow = _SlowJob(slot.process.pid, self._slow_lane)
        try:
            reply = slot.reply(self.wall_seconds, self.job_seconds, on_cpu=slow.used)
        finally:
            slow.end()
        if slow.demoted:
            slot.served = WORKER_JOBS  # a worker at the lowest priority is replaced by a fresh one after its job
        slot.served += 1
        if reply is None:
            died = not slot.alive()
            slot.kill()
            if not died:  # past its CPU seconds or the clock's
                raise JobFailed("too_slow", seconds=f"{self.job_seconds:g}")
            raise JobFailed("worker_failed")
        if reply.get("failed") or slot.served >= WORKER_JOBS:
            slot.kill()  # a worker that ran out of memory, or has served its share, is replaced
        if reply.get("failed"):
            raise JobFailed(reply["failed"], megabytes=f"{WORKER_MEMORY >> 20}")
        return reply


POOL = Pool()
atexit.register(POOL.stop)
CALLER: contextvars.ContextVar = contextvars.ContextVar("caller", default=(None, None))


def on_behalf_of(session, on_wait: Callable[[int], None] | None = None) -> None:
    """Name the session whose page runs in this thread (its jobs take turns with it), and what
    hears its place in the queue."""
    CALLER.set((session, on_wait))


def submit(request: dict) -> dict:
    session, on_wait = CALLER.get()
    return POOL.run(request, session, on_wait)


def compile_in_worker(text: str, task: str):
    """The Expression of `text` compiled in a worker, after the cheap checks here. ExpressionError
    when the text is refused (the same text always is); JobFailed when the worker failed."""
    parse_tree(text, task)  # the cheap refusals need no worker
    reply = submit({"job": "formula", "text": text, "task": task})
    if not reply["ok"]:
        raise ExpressionError(reply["key"], **reply["values"])
    return Expression.from_json(reply["expression"])


def parse_in_worker(raw: bytes) -> dict:
    """The worker's reply to an uploaded file: {"ok": True, "header", "columns"} (base64 float64 columns),
    or {"ok": False, "key", "values"}; JobFailed when the worker failed."""
    return submit({"job": "csv", "data": base64.b64encode(raw).decode("ascii")})


def start_workers() -> None:
    """Start the workers ahead of the first job (a page that takes formulas or files calls it)."""
    POOL.start()


# --- the worker's side ------------------------------------------------------------------------

def _handle(request: dict) -> dict:
    if request["job"] == "formula":
        from lossviz.labs.workbench.expression import compile_expression

        try:
            return {"ok": True, "expression": compile_expression(request["text"], request["task"]).to_json()}
        except ExpressionError as error:
            return {"ok": False, "key": error.key, "values": error.values}
    from lossviz.labs.workbench.upload import UploadError, parse_table

    try:
        header, columns = parse_table(base64.b64decode(request["data"]))
    except UploadError as error:
        return {"ok": False, "key": error.key, "values": error.values}
    return {"ok": True, "header": header,
            "columns": [base64.b64encode(column.tobytes()).decode("ascii") for column in columns]}


def _serve(connection: Connection) -> None:
    """The worker's loop: one JSON request per message in, one reply per message out; each job under
    its "seconds" of CPU (the server counts them and kills past them; RLIMIT_CPU too, where the kernel
    keeps it) and WORKER_MEMORY of memory."""
    import resource

    with open("/proc/self/statm") as statm:  # the address space in use now, in pages
        used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (used + WORKER_MEMORY, resource.RLIM_INFINITY))
    connection.send_bytes(b'{"ready": true}')
    while True:
        try:
            request = json.loads(connection.recv_bytes())
        except EOFError:
            return
        spent = resource.getrusage(resource.RUSAGE_SELF)  # the limit counts whole seconds of the process's life
        limit = math.ceil(spent.ru_utime + spent.ru_stime + request["seconds"])
        resource.setrlimit(resource.RLIMIT_CPU, (limit, resource.RLIM_INFINITY))
        try:
            reply = _handle(request)
        except MemoryError:
            reply = {"ok": False, "failed": "too_much_memory"}
        connection.send_bytes(json.dumps(reply).encode())
