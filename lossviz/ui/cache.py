"""Bounded caches around the core, with generic keys: a lab's page calls `cached(function, *args)`
with hashable arguments (Settings.group, Settings.params_key), so a slider recomputes only what it
moved. Every cache has a size; so does what a session keeps."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import streamlit as st

from lossviz.ui.slots import training_slot

_CACHED: dict = {}
_SHARED: dict = {}


def cached(function: Callable, *args, entries: int = 64, **kwargs):
    """`function(*args, **kwargs)`, kept in a st.cache_data of `entries` entries per function:
    the result is pickled, so every caller gets its own copy."""
    wrapper = _CACHED.get((function, entries))
    if wrapper is None:
        wrapper = _CACHED[function, entries] = st.cache_data(max_entries=entries, show_spinner=False)(function)
    return wrapper(*args, **kwargs)


def shared(function: Callable, *args, entries: int = 32):
    """`function(*args)` kept as one object for every session (st.cache_resource): for results that
    cannot be pickled, or that are the same for every visitor."""
    wrapper = _SHARED.get((function, entries))
    if wrapper is None:
        wrapper = _SHARED[function, entries] = st.cache_resource(max_entries=entries, show_spinner=False)(function)
    return wrapper(*args)


class LRU:
    """The `size` most recently stored or read values by key; older ones are dropped."""

    def __init__(self, size: int):
        self.size = size
        self._values: OrderedDict = OrderedDict()

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key) -> bool:
        return key in self._values

    def __iter__(self):
        """The keys, least recently used first."""
        return iter(self._values)

    def get(self, key, default=None):
        if key not in self._values:
            return default
        self._values.move_to_end(key)
        return self._values[key]

    def put(self, key, value) -> None:
        self._values[key] = value
        self._values.move_to_end(key)
        while len(self._values) > self.size:
            self._values.popitem(last=False)


SWEEPS_KEPT = 16
_sweeps, _sweeps_lock = LRU(SWEEPS_KEPT), threading.Lock()


def remembered(function: Callable, *args, on_progress=None):
    """`function(*args, on_progress=on_progress)` for slow work (a sweep), run in a training slot and
    kept by its arguments for every session of the process: its progress bar belongs to the run that
    computes it, which st.cache_data would replay on a later run."""
    key = (function.__module__, function.__qualname__, args)
    with _sweeps_lock:
        found = _sweeps.get(key)
    if found is None:
        with training_slot(f"slot_stop.{function.__qualname__}"):  # a sweep runs for seconds: it takes a slot
            found = function(*args, on_progress=on_progress)
        with _sweeps_lock:
            _sweeps.put(key, found)
    return found


def session_store(key: str, size: int) -> LRU:
    """A per-session LRU(size) under `key`: what a session keeps, such as trained networks, stays bounded."""
    store = st.session_state.get(key)
    if not isinstance(store, LRU):
        store = st.session_state[key] = LRU(size)
    return store


UPLOADS_KEPT = 3  # results a session keeps of its uploaded files (docs/SECURITY.md: a session's budget)


def per_upload(upload, key: tuple, compute: Callable, refusal: type[Exception] = ValueError):
    """`compute()` for the uploaded file `upload` and `key`, kept in the session only (the
    UPLOADS_KEPT most recent): a visitor's data never goes into a cache that other sessions share.
    A `refusal` is kept too, and raised again."""
    store = session_store("uploads", UPLOADS_KEPT)
    full_key = (upload.file_id, *key)
    if full_key not in store:
        try:
            store.put(full_key, compute())
        except refusal as error:
            store.put(full_key, error)
    found = store.get(full_key)
    if isinstance(found, refusal):
        raise found
    return found
