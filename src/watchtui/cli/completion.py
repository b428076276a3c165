"""`watchtui completion bash`: a bash completion script, made from the parser itself.

The script completes the commands, each command's options and the values of those
with a fixed set (`--filter`, `--confidence`, `--format`), file names where a
path goes, and show titles where a title goes: it asks `watchtui list --titles
--search WORD`, so that a title is found as the app finds it (`shog` completes to
`Shōgun`). The file a command line names with `--file` is the one asked.

Titles are data: the script never lets the shell expand them (no `compgen -W`,
which would run a `$(…)` in a title), and each is quoted (`printf %q`) before
it is put on the command line.
"""

from __future__ import annotations

import argparse
import re

from watchtui.cli.arguments import Commands

__all__ = ["bash_script", "register"]

_PATHS = {"PATH", "FILE", "FOLDER"}
"""Metavars of the arguments that name a file."""


def register(commands: Commands) -> None:
    completion = commands.add_plain(
        "completion",
        "print a shell completion script",
        cmd_completion,
        epilog='For bash, add to ~/.bashrc:  eval "$(watchtui completion bash)"',
    )
    completion.add_argument("shell", metavar="SHELL", choices=["bash"], help="bash")


def cmd_completion(args: argparse.Namespace) -> int:
    from watchtui.cli.parser import build_parser

    print(bash_script(build_parser()), end="")
    return 0


_WORD = re.compile(r"^[\w.+-]+$")


def _words(words: list[str]) -> str:
    """Words the script splits on spaces: each must be one plain word."""
    assert all(_WORD.match(word) for word in words), words
    return " ".join(words)


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its arguments here
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _kind(action: argparse.Action) -> str:
    """What completes this argument's value: a word list, files, titles, or nothing."""
    if action.choices is not None:
        return "words " + _words([str(choice) for choice in action.choices])
    metavar = str(action.metavar or "")
    if metavar in _PATHS:
        return "files"
    if metavar == "TITLE":
        return "titles"
    return ""


def _branch(name: str, parser: argparse.ArgumentParser) -> list[str]:
    """One command's branch of the script: its options, those taking a value, what
    completes each value, and what completes its first argument."""
    options: list[str] = []
    valued: list[str] = []
    kinds: list[str] = []
    first = ""
    for action in parser._actions:
        if not action.option_strings:
            if not first and name != "add":  # a new show's title is typed, not completed
                first = _kind(action) or "-"
            continue
        options += action.option_strings
        if action.nargs == 0:
            continue
        valued += action.option_strings
        kind = _kind(action)
        kinds += [f"[{option}]='{kind}'" for option in action.option_strings if kind]
    return [
        f"    {name})",
        f'        options="{_words(options)}" valued="{_words(valued)}" first="{first}"',
        f"        kinds=({' '.join(kinds)}) ;;",
    ]


def bash_script(parser: argparse.ArgumentParser) -> str:
    commands = _commands(parser)
    top = [option for action in parser._actions for option in action.option_strings]
    lines = [
        '# bash completion for watchtui: eval "$(watchtui completion bash)"',
        "",
        "_watchtui_complete() {  # words W… | files | titles",
        "    local kind=$1 word title typed",
        "    shift",
        "    case $kind in",
        "        words)",
        '            for word in "$@"; do',
        '                [[ $word == "$cur"* ]] && COMPREPLY+=("$word")',
        "            done ;;",
        "        files)",
        "            compopt -o filenames 2>/dev/null",
        '            mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;',
        "        titles)  # the titles that begin as typed, else all the search finds",
        "            typed=${cur#[\\\"\\']}",
        '            [[ $typed == "$cur" ]] && typed=${typed//\\\\/}  # The\\ B: The B',
        "            local found=() begins=()",
        '            mapfile -t found < <(command watchtui "${file[@]}" list --titles \\',
        '                --search "$typed" 2>/dev/null)',
        '            for title in "${found[@]}"; do',
        '                [[ ${title,,} == "${typed,,}"* ]] && begins+=("$title")',
        "            done",
        '            ((${#begins[@]})) && found=("${begins[@]}")',
        '            for title in "${found[@]}"; do',
        "                if [[ $cur == [\\\"\\']* ]]; then",
        '                    COMPREPLY+=("$title")',
        "                else",
        '                    COMPREPLY+=("$(printf %q "$title")")',
        "                fi",
        "            done ;;",
        "    esac",
        "}",
        "",
        "_watchtui_options() {  # COMMAND: sets options, valued, first, kinds",
        "    case $1 in",
    ]
    for name, sub in commands.items():
        lines += _branch(name, sub)
    lines += [
        "    *) return 1 ;;",
        "    esac",
        "}",
        "",
        "_watchtui() {",
        "    COMPREPLY=()",
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
        '    local command="" options="" valued="" first="" count=0 i word',
        "    local file=()",
        "    local -A kinds=()",
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        "        word=${COMP_WORDS[i]}",
        "        if [[ $word == --file ]]; then",
        r'            file=(--file "${COMP_WORDS[i+1]/#\~/$HOME}")',
        "            ((i++))",
        "        elif [[ $word == -* ]]; then",
        '            [[ " $valued " == *" $word "* ]] && ((i++))',
        "        elif [[ -z $command ]]; then",
        "            command=$word",
        '            _watchtui_options "$command" || return',
        "        else",
        "            ((count++))",
        "        fi",
        "    done",
        "    if [[ -z $command ]]; then",
        "        if [[ $prev == --file ]]; then _watchtui_complete files; return; fi",
        f"        _watchtui_complete words {_words([*commands, *top])}",
        "        return",
        "    fi",
        "    if [[ -n ${kinds[$prev]} ]]; then _watchtui_complete ${kinds[$prev]}; return; fi",
        '    if [[ " $valued " == *" $prev "* ]]; then return; fi',
        "    if [[ $cur == -* ]]; then _watchtui_complete words $options; return; fi",
        "    if [[ $count == 0 && -n $first && $first != - ]]; then _watchtui_complete $first; fi",
        "}",
        "",
        "complete -F _watchtui watchtui",
        "",
    ]
    return "\n".join(lines)
