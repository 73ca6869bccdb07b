"""The command line: exit codes, every format, atomic output, batch interface, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

runner = CliRunner()
SEEDS = Path("seeds")


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_help_lists_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("check", "claims", "schema", "rules"):
        assert command in result.output


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("crosscheck ")


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_check_every_format_exits_zero(fmt: str) -> None:
    result = run("check", str(SEEDS), "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        report = json.loads(result.stdout)
        assert report["schema_version"] == 1 and len(report["sources"]) == 5
    elif fmt == "markdown":
        assert result.stdout.startswith("# crosscheck report")
    else:
        assert "CONFLICTS" in result.stdout and "\x1b[" not in result.stdout


def test_terminal_output_fits_80_columns() -> None:
    from checker.formatters import FORMATTERS, RenderOptions
    from checker.pipeline import Pipeline
    from checker.testing import default_rules

    report = Pipeline(default_rules()).check([SEEDS])
    text = FORMATTERS["terminal"].render(report, RenderOptions(color=False, width=80))
    assert max(len(line) for line in text.splitlines()) <= 80


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    result = run("check", str(SEEDS), "--format", "json", "--output", str(target))
    assert result.exit_code == 0
    assert json.loads(target.read_text())["schema_version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_output_to_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", str(SEEDS), "--output", str(tmp_path / "no" / "r.json"))
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.parametrize("command", [["check", str(SEEDS)], ["claims", str(SEEDS)], ["schema"]])
def test_output_to_a_folder_is_a_one_line_error(tmp_path: Path, command: list[str]) -> None:
    """ "-o reports/" was an internal error (IsADirectoryError) after the whole run."""
    result = run(*command, "--output", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "is a folder" in result.output
    assert list(tmp_path.iterdir()) == []


def test_output_onto_a_document_read_is_refused(tmp_path: Path) -> None:
    """ "check a.txt -o a.txt" replaced the article with its report."""
    article = tmp_path / "a.txt"
    article.write_text("NATO has 32 members.", encoding="utf-8")
    for args in (["check", str(article)], ["check", str(tmp_path)], ["claims", str(tmp_path)]):
        result = run(*args, "--no-cache", "--output", str(article))
        assert result.exit_code == 2 and "is one of the documents read" in result.output
    assert article.read_text(encoding="utf-8") == "NATO has 32 members."


def test_output_into_a_named_pipe_writes_through_it(tmp_path: Path) -> None:
    """A rename onto /dev/null (as root) or a pipe replaced it with a regular file."""
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = run("schema", "--output", str(pipe))
    reader.join(timeout=10)
    assert result.exit_code == 0 and pipe.is_fifo() and received
    assert json.loads(received[0])["title"] == "Report"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["claims", "--input-jsonl", "-", "--published", "2024-01-01"], "--published applies to files"),
        (["check", str(SEEDS), "--kinds", ","], "--kinds: name at least one kind"),
    ],
)
def test_options_that_would_do_nothing_are_errors(args: list[str], message: str) -> None:
    result = run(*args, input="")
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (b'{"id": "a", "text": "Caf\xe9 on 3 April 2024."}\n', "<stdin>:1: not UTF-8 text"),
        (b'{"id": "a", "text": "x \\ud800 on 3 April 2024."}\n', "<stdin>:1: text: not Unicode text"),
        (b'{"id": "a", "text": "On 3 April 2024.", "published": false}\n', "<stdin>:1: published:"),
    ],
)
def test_input_jsonl_text_problems_are_one_line_errors(lines: bytes, message: str) -> None:
    """A Latin-1 file or a lone surrogate was an internal error; "published": false meant no date."""
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "claims", "--input-jsonl", "-", "--no-cache"],
        input=lines,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 2 and proc.stdout == b""
    assert message in proc.stderr.decode() and proc.stderr.decode().count("\n") == 1


def test_input_jsonl_from_stdin_may_start_with_a_bom_and_hold_a_bare_cr() -> None:
    lines = '\ufeff{"id": "a",\r"text": "On 3 April 2024."}\n'.encode()
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "claims", "--input-jsonl", "-", "--no-cache"],
        input=lines,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0 and b'"text":"3 April 2024"' in proc.stdout


@pytest.mark.parametrize("name", ["docs.jsonl", "sources.yml"])
def test_a_file_named_that_is_no_document_is_an_error(tmp_path: Path, name: str) -> None:
    """ "crosscheck claims docs.jsonl" (no --input-jsonl) read the JSON as an article."""
    (tmp_path / name).write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    result = run("claims", str(tmp_path / name))
    assert result.exit_code == 2 and "not a .txt or .md document" in result.output


def test_front_matter_errors_are_one_line_with_the_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--no-cache")
    assert result.exit_code == 2 and result.output.strip().count("\n") == 0
    assert "a.txt:2: invalid front matter" in result.output


def test_an_impossible_date_in_a_manifest_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "sources:\n  - file: a.txt\n    published: 2024-13-01\n", encoding="utf-8"
    )
    result = run("check", str(tmp_path), "--no-cache")
    assert result.exit_code == 2 and "sources.yml: invalid value" in result.output


def test_missing_input_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "missing.txt" in result.output


def test_a_folder_without_documents_is_noted_in_the_report(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    result = run("check", str(tmp_path), "--format", "json", "--no-cache")
    assert result.exit_code == 0
    notes = json.loads(result.output)["notes"]
    assert any("no .txt or .md files in this folder" in note for note in notes), notes


def test_one_article_given_twice_is_one_source(tmp_path: Path) -> None:
    """ "check a.txt a.txt" was two sources agreeing on every claim (50 agreements)."""
    article = SEEDS / "004_4ea3051a0e3ca27d.txt"
    (tmp_path / "link.txt").symlink_to(article.resolve())
    result = run("check", str(article), str(article), str(tmp_path), "--format", "json", "--no-cache")
    report = json.loads(result.output)
    assert result.exit_code == 0
    assert len(report["sources"]) == 1 and report["findings"] == []
    assert sum("read once" in note for note in report["notes"]) == 2


def test_sources_with_the_same_stem_keep_their_own_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "sub/story.txt" and "story.txt" were both source "story"; claims were shown in the wrong file."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text(
        "NATO has 32 members, it said on 3 April 2024.", encoding="utf-8"
    )
    (tmp_path / "story.txt").write_text("NATO has 31 members, it said on 3 April 2024.", encoding="utf-8")
    (tmp_path / "story.md").write_text("NATO has 30 members, it said on 3 April 2024.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(
        run("check", "sub/story.txt", "story.txt", "story.md", "-f", "json", "--no-cache").output
    )
    ids = [source["id"] for source in report["sources"]]
    assert len(set(ids)) == 3, ids
    by_id = {source["id"]: source["path"] for source in report["sources"]}
    for claim in report["claims"]:
        text = (tmp_path / by_id[claim["source"]]).read_text(encoding="utf-8")
        assert text[claim["start"] : claim["end"]] == claim["text"]


def test_no_paths_is_a_usage_error() -> None:
    assert run("check").exit_code == 2


def test_bad_format_is_a_usage_error() -> None:
    assert run("check", str(SEEDS), "--format", "xml").exit_code == 2


def test_bad_published_option() -> None:
    result = run("check", str(SEEDS / "003_75cb78b672bb4e21.txt"), "--published", "15/02/2024")
    assert result.exit_code == 2 and "--published" in result.output


def test_published_option_needs_a_single_file() -> None:
    result = run("check", str(SEEDS), "--published", "2024-04-04")
    assert result.exit_code == 2 and "single file" in result.output


def test_published_option_overrides(tmp_path: Path) -> None:
    result = run(
        "check", str(SEEDS / "003_75cb78b672bb4e21.txt"), "--published", "2024-02-16", "--format", "json"
    )
    source = json.loads(result.stdout)["sources"][0]
    assert (source["published"], source["published_from"]) == ("2024-02-16", "option")


def test_broken_rules_folder_fails_with_file_and_line(tmp_path: Path) -> None:
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree("rules", rules)
    (rules / "compare" / "dates.yml").write_text("rules:\n  - id: date.x\n    extends: nope\n")
    result = run("check", str(SEEDS), "--rules", str(rules))
    assert result.exit_code == 2 and "dates.yml:" in result.output


def _break_rules(rules: Path, how: str) -> None:
    rates = rules / "rates-ecb-eur.csv"
    if how == "dangling link":
        (rules / "compare" / "zz.yml").symlink_to("nowhere.yml")
    elif how == "folder":
        (rules / "compare" / "zz.yml").mkdir()
    elif how == "zero rate":
        lines = rates.read_text(encoding="utf-8").splitlines()
        cells = lines[4].split(",")
        lines[4] = ",".join([cells[0], "0", *cells[2:]])
        rates.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif how == "not utf-8":
        rates.write_bytes(rates.read_bytes() + b"1999-01-08,1.1\xe9\n")
    elif how == "no date group":
        path = rules / "boilerplate.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("(?P<date>", "(?P<day>"), encoding="utf-8")


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("dangling link", "zz.yml: cannot read rule file"),
        ("folder", "zz.yml: cannot read rule file"),
        ("zero rate", "rates-ecb-eur.csv:5: bad rate row: rate '0' for USD"),
        ("not utf-8", "rates-ecb-eur.csv:7128: not UTF-8 text"),
        ("no date group", "boilerplate.yml:"),
    ],
)
def test_broken_rule_files_are_one_line_errors(tmp_path: Path, how: str, message: str) -> None:
    """Each of these was an internal error (a traceback's last line), some only after extraction."""
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree("rules", rules)
    _break_rules(rules, how)
    article = tmp_path / "a.txt"
    article.write_text("EUR 100 million on 4 January 1999 was USD 116 million.\n", encoding="utf-8")
    result = run("check", str(article), "--rules", str(rules), "--no-cache")
    assert result.exit_code == 2 and message in result.output, result.output
    assert result.output.strip().count("\n") == 0


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_dates_past_the_ends_of_the_calendar_are_no_claims(tmp_path: Path, published: str) -> None:
    """ "next year" in a page of 9999-12-31 was an internal error (OverflowError), as was year 1."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Sales rose last year and will rise next year, it said on Tuesday.\n", encoding="utf-8"
    )
    result = run("claims", str(article), "--published", published, "--no-cache")
    assert result.exit_code == 0
    assert all(json.loads(line)["kind"] == "date" for line in result.stdout.splitlines())


def test_an_unreadable_folder_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder without read permission inside a corpus was an internal PermissionError."""
    import os

    import checker.documents as documents

    (tmp_path / "locked").mkdir()
    scandir = os.scandir

    def refuse(path: str | Path) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(documents.os, "scandir", refuse)
    result = run("check", str(tmp_path), "--no-cache")
    assert result.exit_code == 2 and "locked: cannot read folder: Permission denied" in result.output


def test_writing_to_a_full_disk_is_a_one_line_error() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = run("schema", "--output", "/dev/full")
    assert result.exit_code == 2 and "/dev/full: cannot write" in result.output


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("sources:\n  - file: a.txt\n  - file: ./a.txt\n", "sources.yml:3: a.txt is listed twice"),
        ("sources:\n  - file: [a, b]\n", "sources.yml:2: file: expected the name of a document"),
    ],
)
def test_manifest_entries_that_cannot_apply_are_errors(tmp_path: Path, manifest: str, message: str) -> None:
    """A second entry for a file silently won; a list as a file name was silently unused."""
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(manifest, encoding="utf-8")
    result = run("check", str(tmp_path), "--no-cache")
    assert result.exit_code == 2 and message in result.output, result.output


def test_a_manifest_entry_without_its_file_is_noted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "sources:\n  - file: ./a.txt\n    published: 2024-04-04\n  - file: gone.txt\n", encoding="utf-8"
    )
    report = json.loads(run("check", str(tmp_path), "--no-cache", "-f", "json").output)
    assert any("no such document in its folder: gone.txt" in note for note in report["notes"])
    assert report["sources"][0]["published"] == "2024-04-04"  # "./a.txt" names a.txt


def test_a_reader_that_goes_away_ends_the_run_quietly() -> None:
    """ "crosscheck claims seeds | head -1" exited 1: a broken pipe was reported as a failure."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "claims", str(SEEDS), "--no-cache", "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0 and proc.stderr.read() == b""


def test_unknown_kind_is_a_usage_error() -> None:
    result = run("claims", str(SEEDS), "--kinds", "date,weather")
    assert result.exit_code == 2 and "weather" in result.output


def test_claims_jsonl_one_claim_per_line() -> None:
    result = run("claims", str(SEEDS / "004_4ea3051a0e3ca27d.txt"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines and all(json.loads(line)["source"] == "004_4ea3051a0e3ca27d" for line in lines)


def test_claims_from_input_jsonl_on_stdin() -> None:
    doc = {
        "id": "x1",
        "text": "The ministers met on 3 April 2024. Aid reached $7.06 billion.",
        "published": "2024-04-04",
    }
    result = run("claims", "--input-jsonl", "-", input=json.dumps(doc) + "\n")
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert {c["kind"] for c in claims} >= {"date", "amount"}
    assert all(c["source"] == "x1" and doc["text"][c["start"] : c["end"]] == c["text"] for c in claims)


def test_input_jsonl_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "ok"}\nnot json\n')
    result = run("claims", "--input-jsonl", str(path))
    assert result.exit_code == 2 and "in.jsonl:2: invalid JSON" in result.output


def test_schema_is_json_schema() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Report" and "claims" in schema["properties"]


def test_rules_list_and_examples() -> None:
    assert "date.same-event" in run("rules").stdout
    result = run("rules", "--test")
    assert result.exit_code == 0, result.output


def test_console_script_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.strip().count("\n") == 0
    # The one line is there: an empty stderr passes the line above (the process leaves by os._exit).
    assert "nope: no such file or folder" in proc.stderr


def test_output_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    import os
    import stat

    target = tmp_path / "r.md"
    assert run("check", str(SEEDS), "--format", "markdown", "--output", str(target)).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_agreements_and_conflicts_use_their_own_messages() -> None:
    report = json.loads(run("check", str(SEEDS), "--format", "json").stdout)
    agreements = [f for f in report["findings"] if f["verdict"] == "agreement"]
    assert agreements and not any("different" in f["message"] for f in agreements)


def test_date_order_option_is_documented() -> None:
    for command in ("check", "claims"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "--date-order" in result.output and "dmy" in result.output


def test_claims_jsonl_lines_are_each_claims_own_json(tmp_path: Path) -> None:
    """The batch output writes claims with the serializer directly; it must equal model_dump_json."""
    from checker.pipeline import Pipeline
    from checker.testing import default_rules

    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(app, ["claims", "seeds", "--no-cache", "-j", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    pipeline = Pipeline(default_rules())
    documents, _ = pipeline.load([Path("seeds")])
    expected = [c.model_dump_json() for e in pipeline.extract_all(documents) for c in e.claims]
    assert out.read_text(encoding="utf-8").splitlines() == expected


def test_console_script_writes_everything_before_leaving(tmp_path: Path) -> None:
    """The process leaves without tearing down its heap; its output must be complete first."""
    target = tmp_path / "claims.jsonl"
    command = [sys.executable, "-m", "checker", "claims", str(SEEDS), "--no-cache"]
    to_file = subprocess.run([*command, "--output", str(target)], capture_output=True, check=False)
    to_pipe = subprocess.run(command, capture_output=True, text=True, check=False)
    assert to_file.returncode == to_pipe.returncode == 0
    in_process = run("claims", str(SEEDS), "--no-cache").stdout
    assert target.read_text(encoding="utf-8") == to_pipe.stdout == in_process
    assert len(in_process.splitlines()) > 100


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc: this test runs on Linux only)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_ctrl_c_during_a_parallel_run_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group (main process and workers); the run stops at once
    with one line, not a traceback from each process nor a wait for the queued chunks."""
    import os
    import signal
    import time

    from benchmarks.corpus import documents_of_size

    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in documents_of_size(4_000_000)),
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "claims", "--input-jsonl", str(batch), "--no-cache", "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Interrupt soon after the worker starts, well inside a run of several seconds on any machine.
    deadline = time.monotonic() + 30
    while not _children(proc.pid) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr == "crosscheck: interrupted\n"
