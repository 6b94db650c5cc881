"""Every setting in one place: where the course and the progress are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from netedu.settings import DATABASE_URL_ENV, ROOT_ENV, database_url, find_root


def test_the_course_is_found_from_the_environment_or_upwards(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "course.yaml").write_text("title: x\n")
    inside = tmp_path / "notebooks" / "deep"
    inside.mkdir(parents=True)
    monkeypatch.delenv(ROOT_ENV, raising=False)
    assert find_root(inside) == tmp_path.resolve()
    monkeypatch.setenv(ROOT_ENV, str(inside))
    assert find_root() == inside.resolve()


def test_progress_goes_where_the_environment_says_else_to_the_user_data_folder(monkeypatch) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, "postgresql://netedu@db/netedu")
    assert database_url() == "postgresql://netedu@db/netedu"
    monkeypatch.delenv(DATABASE_URL_ENV)
    assert database_url().startswith("sqlite:///") and database_url().endswith("progress.sqlite")


def test_a_folder_without_a_course_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ROOT_ENV, raising=False)
    import netedu.settings as settings

    monkeypatch.setattr(settings, "_PACKAGE_DIR", tmp_path / "pkg")
    with pytest.raises(FileNotFoundError, match="set NETEDU_ROOT"):
        find_root(tmp_path)
