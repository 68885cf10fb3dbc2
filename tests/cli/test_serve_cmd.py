"""`inspector serve`: start-up problems are one clear line on stderr and exit 2."""

from __future__ import annotations

import signal
import socket
from pathlib import Path

from click.testing import CliRunner

from inspector.cli.main import cli
from tests.api.server import closed_network_env


def invoke(tmp_path: Path, *args: str, **env: str):
    return CliRunner().invoke(cli, ["serve", *args], env=closed_network_env(tmp_path, **env))


def test_a_port_in_use_is_reported_before_the_slow_start(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = invoke(tmp_path, "--host", "127.0.0.1", "--port", str(port))
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


def test_serving_in_process_leaves_the_signal_handlers_as_they_were(tmp_path: Path):
    def ignore(signum, frame):  # a handler of the caller's own, which serve() must give back
        pass

    before = {sig: signal.signal(sig, ignore) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            result = invoke(tmp_path, "--host", "127.0.0.1", "--port", str(taken.getsockname()[1]))
        assert result.exit_code == 2
        assert signal.getsignal(signal.SIGINT) is ignore and signal.getsignal(signal.SIGTERM) is ignore
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def test_an_out_of_range_port_is_a_usage_error(tmp_path: Path):
    result = invoke(tmp_path, "--port", "70000")
    assert result.exit_code == 2 and "70000" in result.stderr


def test_invalid_settings_stop_the_start_naming_the_setting(tmp_path: Path):
    result = invoke(tmp_path, INSPECTOR_API_QUEUE_SIZE="0")
    assert result.exit_code == 2
    assert "INSPECTOR_API_QUEUE_SIZE" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_detector_knob_stops_the_start_naming_it(tmp_path: Path):
    result = invoke(tmp_path, INSPECTOR_ACTIVITY_DETECTOR_KNOBS='{"multi_extension": {"window": "3d"}}')
    assert result.exit_code == 2
    assert "INSPECTOR_ACTIVITY_DETECTOR_KNOBS" in result.stderr and "multi_extension.window" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_service_runs_on_uvloop_where_it_is_installed():
    import uvloop

    from inspector.cli.serve_cmd import event_loop_factory

    assert event_loop_factory() is uvloop.new_event_loop


def test_a_misspelt_variable_is_warned_about_at_start_up(tmp_path: Path):
    result = invoke(tmp_path, "--port", "70000", INSPECTOR_API_WORKER="2")
    assert "INSPECTOR_API_WORKER is not a setting" not in result.stderr  # a usage error comes first
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = invoke(tmp_path, "--host", "127.0.0.1", "--port", str(taken.getsockname()[1]), INSPECTOR_API_WORKER="2")
    assert result.exit_code == 2
    assert result.stderr.count("INSPECTOR_API_WORKER is not a setting and is ignored; did you mean INSPECTOR_API_WORKERS?") == 1
