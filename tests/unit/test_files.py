"""Writing a file whole: the target holds the old content or the new one, never a part."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mesodesk.files import staged_file, write_atomically


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_file_is_replaced_whole_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    assert write_atomically(target, b"new") == target
    assert target.read_bytes() == b"new" and os.listdir(tmp_path) == ["out.csv"]
    assert write_atomically(tmp_path / "two.bin", lambda out: out.write(b"2")).read_bytes() == b"2"


def test_a_failed_write_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")

    def fails(out: object) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, fails)
    with staged_file(target, b"never placed"):
        pass  # the block ends without putting the file in place
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["out.csv"]


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_a_new_file_gets_the_umask_s_permissions_unless_private(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    assert _mode(write_atomically(tmp_path / "shared", b"x")) == 0o666 & ~mask
    assert _mode(write_atomically(tmp_path / "private", b"x", private=True)) == 0o600
