"""A burst of writes from several clients at once: conversation notes, each with a text of its
own, posted until told to stop; what each POST got back is kept."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from tests.faults.production import Answer, Browser, World, note_post


@dataclass
class Outcome:
    text: str
    status: int | None  # None: no answer (the connection broke)
    body: str = ""


@dataclass
class Burst:
    browser: Browser
    world: World
    token: str
    clients: int = 4
    text_size: int = 0  # padding, to fill a disk
    outcomes: list[Outcome] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _client(self, number: int) -> None:
        browser = Browser(self.browser.port, dict(self.browser.cookies))
        sent = 0
        while not self.stop.is_set():
            text = f"Burst {number}-{sent}" + (" " + "x" * self.text_size if self.text_size else "")
            sent += 1
            try:
                answer: Answer | None = note_post(browser, self.world, self.token, text)
            except OSError:
                answer = None
            outcome = Outcome(text, None if answer is None else answer.status,
                              "" if answer is None else answer.body)
            with self.lock:
                self.outcomes.append(outcome)

    def start(self) -> Burst:
        self._threads = [threading.Thread(target=self._client, args=(n,), daemon=True)
                         for n in range(self.clients)]
        for thread in self._threads:
            thread.start()
        return self

    def finish(self) -> list[Outcome]:
        self.stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
        with self.lock:
            return list(self.outcomes)

    def committed(self) -> int:
        with self.lock:
            return sum(1 for o in self.outcomes if o.status == 302)


def committed_texts(outcomes: list[Outcome]) -> set[str]:
    return {o.text for o in outcomes if o.status == 302}


def sent_texts(outcomes: list[Outcome]) -> set[str]:
    return {o.text for o in outcomes}
