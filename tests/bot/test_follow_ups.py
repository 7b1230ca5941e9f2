"""The per-chat memory of the event just shown: it expires, it can be reset, it stays bounded."""
from bot.follow_ups import FollowUps


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_context_expires_and_can_be_forgotten():
    clock = Clock()
    memory = FollowUps(ttl=60, clock=clock)
    memory.remember(1, 42)
    clock.now = 59
    assert memory.recall(1) == 42
    clock.now = 61
    assert memory.recall(1) is None
    memory.remember(1, 43)
    assert memory.forget(1) and memory.recall(1) is None and not memory.forget(1)


def test_the_oldest_chats_go_first_when_full():
    memory = FollowUps(max_chats=2, clock=Clock())
    memory.remember(1, 10)
    memory.remember(2, 20)
    memory.remember(1, 11)  # chat 1 is now the newest
    memory.remember(3, 30)
    assert (memory.recall(1), memory.recall(2), memory.recall(3)) == (11, None, 30)
