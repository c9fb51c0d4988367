"""The door, in a process of its own: checks members in and out as it is told, one line at
a time, so that a kiosk measured in the bench's process sees changes made elsewhere, as it
does at the door, with none of the writer's memory in its own.

    python -m tests.benchmarks.door DATA     then lines "in ID" or "out ID"; each answered
                                             "done" once the change is on disk
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.benchmarks.scenes import opened


def main(data: Path) -> None:
    door = opened(data, everyone=False)
    for line in sys.stdin:
        action, member_id = line.split()
        (door.check_in if action == "in" else door.check_out)(member_id)
        print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
