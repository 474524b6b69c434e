"""The cache of loaded YAML files: reused only while nothing it depends on changed, and
never a source of errors."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from pucli.loading import cache
from pucli.loading.cache import cached_load
from pucli.loading.plan import load_plan
from pucli.loading.textfile import MAX_YAML_BYTES

from conftest import DATA


class Counting:
    """load_plan, counting how often it really runs."""

    def __init__(self):
        self.calls = 0

    def __call__(self, path, display):
        self.calls += 1
        return load_plan(path, display)


@pytest.fixture
def plan_file(tmp_path) -> Path:
    target = tmp_path / "measures.yaml"
    shutil.copy(DATA / "measures.yaml", target)
    return target


def load(path: Path, loader, display="measures.yaml", max_bytes=MAX_YAML_BYTES):
    return cached_load("plan", path, display, max_bytes, loader)


def entries(tmp_path) -> list[Path]:
    folder = tmp_path / "cache"
    return sorted(folder.glob("[pt]*-*.pickle")) if folder.exists() else []  # pucli's own


def test_an_unchanged_file_is_loaded_once_and_the_result_is_the_same(plan_file, tmp_path):
    loader = Counting()
    first = load(plan_file, loader)
    second = load(plan_file, loader)
    assert loader.calls == 1
    assert second[0] == first[0] and second[0] is not first[0]
    assert second[1] == first[1]
    assert len(second[0].measures) == 48
    assert len(entries(tmp_path)) == 1


def test_an_edited_file_is_loaded_again_and_keeps_one_slot(plan_file, tmp_path):
    loader = Counting()
    load(plan_file, loader)
    text = plan_file.read_text(encoding="utf-8")
    edited = text.replace("坚持“法无禁止即可入”", "坚持“法无禁止皆可入”", 1)
    plan_file.write_text(edited, encoding="utf-8")
    plan, _ = load(plan_file, loader)
    assert loader.calls == 2
    assert "坚持“法无禁止皆可入”" in {m.title for m in plan.measures}
    assert len(entries(tmp_path)) == 1  # overwritten, not accumulated


def test_problems_are_cached_with_the_name_they_were_found_under(plan_file, tmp_path):
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("kind: township", "kind: villages", 1),
                         encoding="utf-8")
    loader = Counting()
    plan, problems = load(plan_file, loader, display="a/measures.yaml")
    again, same = load(plan_file, loader, display="a/measures.yaml")
    assert plan is None and again is None and problems and same == problems
    assert loader.calls == 1
    _, elsewhere = load(plan_file, loader, display="b/measures.yaml")
    assert loader.calls == 2
    assert {p.file for p in elsewhere} == {"b/measures.yaml"}


@pytest.mark.parametrize("damage", [b"", b"pucli-cache-2\n", b"garbage\n" * 50])
def test_a_damaged_entry_is_a_miss_and_is_replaced(plan_file, tmp_path, damage):
    loader = Counting()
    expected = load(plan_file, loader)
    [entry] = entries(tmp_path)
    entry.write_bytes(damage or entry.read_bytes()[:200])  # empty → truncated
    assert load(plan_file, loader) == expected
    assert loader.calls == 2
    assert load(plan_file, loader) == expected
    assert loader.calls == 2  # the replacement is used


def test_a_cache_folder_that_cannot_be_written_is_no_error(plan_file, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("PUCLI_CACHE_DIR", str(blocker / "cache"))
    loader = Counting()
    assert load(plan_file, loader)[0] is not None
    assert load(plan_file, loader)[0] is not None
    assert loader.calls == 2


def test_pucli_no_cache_turns_it_off(plan_file, tmp_path, monkeypatch):
    monkeypatch.setenv("PUCLI_NO_CACHE", "1")
    loader = Counting()
    load(plan_file, loader)
    load(plan_file, loader)
    assert loader.calls == 2 and entries(tmp_path) == []


def test_a_file_over_the_size_limit_bypasses_the_cache(plan_file, tmp_path):
    loader = Counting()
    load(plan_file, loader, max_bytes=100)
    load(plan_file, loader, max_bytes=100)
    assert loader.calls == 2 and entries(tmp_path) == []


def test_a_missing_file_is_reported_by_the_loader(tmp_path):
    plan, problems = load(tmp_path / "absent.yaml", Counting())
    assert plan is None and problems[0].code == "missing-file"


def test_editing_the_loading_code_changes_the_key(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    for name in ("models", "loading"):
        (package / name).mkdir(parents=True)
        (package / name / "x.py").write_text("A = 1\n")
    (package / "suggest.py").write_text("")  # did-you-mean hints come from here
    monkeypatch.setattr(cache, "_PACKAGE", package)
    before = cache._code_fingerprint()
    assert cache._code_fingerprint() == before
    (package / "loading" / "x.py").write_text("A = 22\n")
    after_loading = cache._code_fingerprint()
    assert after_loading != before
    (package / "suggest.py").write_text("B = 1\n")
    assert cache._code_fingerprint() != after_loading


def test_the_libraries_are_part_of_the_key_without_being_imported():
    text = cache._code_fingerprint().decode()
    for library in ("pydantic", "pydantic_core", "annotated_types", "yaml"):
        assert f"{library}/__init__.py:" in text


def test_the_folder_follows_the_environment(tmp_path):
    assert cache.cache_dir({"PUCLI_CACHE_DIR": "/c"}) == Path("/c")
    assert cache.cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/pucli")
    assert cache.cache_dir({"PUCLI_NO_CACHE": "1", "PUCLI_CACHE_DIR": "/c"}) is None
    assert cache.cache_dir({"PUCLI_NO_CACHE": "0", "PUCLI_CACHE_DIR": "/c"}) == Path("/c")


def test_concurrent_loads_all_get_the_plan(plan_file, tmp_path):
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append(load(plan_file, load_plan)[0])
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert len(results) == 20 and all(r == results[0] for r in results)
    assert len(entries(tmp_path)) == 1
    assert not list((tmp_path / "cache").glob(".tmp-*"))  # no temporary file left behind


def test_the_cache_keeps_a_bounded_number_of_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    files = []
    for i in range(5):
        folder = tmp_path / f"copy{i}"
        folder.mkdir()
        files.append(folder / "measures.yaml")
        shutil.copy(DATA / "measures.yaml", files[-1])
        load(files[-1], load_plan, display=f"copy{i}/measures.yaml")
    assert len(entries(tmp_path)) == 3
    loader = Counting()
    load(files[-1], loader, display="copy4/measures.yaml")  # the newest is still there
    assert loader.calls == 0


def test_an_entry_others_may_write_is_not_trusted(plan_file, tmp_path):
    loader = Counting()
    load(plan_file, loader)
    [entry] = entries(tmp_path)
    entry.chmod(0o666)  # as if planted in, or opened up to, a shared folder
    load(plan_file, loader)
    assert loader.calls == 2  # not unpickled; loaded afresh and the entry rewritten
    assert entries(tmp_path)[0].stat().st_mode & 0o022 == 0
    load(plan_file, loader)
    assert loader.calls == 2


def test_a_file_saved_while_it_loads_is_not_cached(plan_file, tmp_path):
    # the result belongs to the new content, the key to the old: storing it would serve a
    # wrong result once the old content came back (an undo, a git checkout)
    original = plan_file.read_bytes()

    def saved_meanwhile(path, display):
        result = load_plan(path, display)
        path.write_bytes(original.replace(b"kind: township", b"kind: villages", 1))
        return result

    load(plan_file, saved_meanwhile)
    assert entries(tmp_path) == []
    plan_file.write_bytes(original)
    loader = Counting()
    assert load(plan_file, loader)[0] is not None and loader.calls == 1


def test_a_path_that_is_not_a_regular_file_bypasses_the_cache(tmp_path):
    folder = tmp_path / "measures.yaml"
    folder.mkdir()
    loader = Counting()
    load(folder, loader)
    load(folder, loader)
    assert loader.calls == 2 and entries(tmp_path) == []


def test_pruning_removes_only_pucli_entries_and_stale_temporary_files(plan_file, tmp_path,
                                                                       monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    foreign = [folder / f"model-{i}.pickle" for i in range(5)] + [folder / "notes.txt"]
    for path in foreign:
        path.write_text("someone else's")
    stale, fresh = folder / ".tmp-old.pickle", folder / ".tmp-new.pickle"
    stale.write_bytes(b"")
    fresh.write_bytes(b"")
    os.utime(stale, (1, 1))
    monkeypatch.setattr(cache, "MAX_ENTRIES", 1)
    for i in range(3):
        copy = tmp_path / f"copy{i}.yaml"
        shutil.copy(plan_file, copy)
        load(copy, load_plan, display=f"copy{i}.yaml")
    assert len(entries(tmp_path)) == 1
    assert all(path.exists() for path in foreign)
    assert fresh.exists() and not stale.exists()


def test_the_cache_keeps_a_bounded_size(plan_file, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MAX_TOTAL_BYTES", 1)  # smaller than any entry
    load(plan_file, load_plan)
    assert entries(tmp_path) == []
