"""The training slots: at most two trainings at once, the third waits its turn and then runs."""

import threading
import time

import pytest

from lossviz.training import Slots


def test_three_concurrent_trainings_the_third_waits_and_then_runs():
    slots = Slots(2)
    release = threading.Event()
    started, positions = [], []

    def training(name, on_wait=None):
        with slots.held(on_wait=on_wait, poll=0.01):
            started.append(name)
            release.wait(5)

    first = threading.Thread(target=training, args=("first",))
    second = threading.Thread(target=training, args=("second",))
    first.start()
    second.start()
    while slots.busy < 2:
        time.sleep(0.005)
    third = threading.Thread(target=training, args=("third", positions.append))
    third.start()
    while not positions:
        time.sleep(0.005)
    assert started == ["first", "second"] or started == ["second", "first"]
    assert slots.waiting == 1 and positions[0] == 1  # told its place in the queue
    release.set()
    for thread in (first, second, third):
        thread.join(5)
    assert started[-1] == "third" and slots.busy == 0 and slots.waiting == 0


def test_waiters_are_served_in_order_and_a_stopped_one_leaves_the_queue():
    slots = Slots(1)
    release, order = threading.Event(), []

    def hold():
        with slots.held(poll=0.01):
            release.wait(5)

    def wait_then_note(name, stop=False):
        def on_wait(position):
            if stop:
                raise KeyboardInterrupt  # the visitor stopped: the place in the queue is given up
        try:
            with slots.held(on_wait=on_wait, poll=0.01):
                order.append(name)
        except KeyboardInterrupt:
            order.append(f"{name} stopped")

    holder = threading.Thread(target=hold)
    holder.start()
    while slots.busy < 1:
        time.sleep(0.005)
    waiters = [threading.Thread(target=wait_then_note, args=("a",)),
               threading.Thread(target=wait_then_note, args=("b", True)),
               threading.Thread(target=wait_then_note, args=("c",))]
    for waiter in waiters:
        waiter.start()
        time.sleep(0.05)
    release.set()
    for thread in (holder, *waiters):
        thread.join(5)
    assert order == ["b stopped", "a", "c"]
    assert slots.waiting == 0 and slots.busy == 0


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        Slots(0)
