"""The ``baocao`` command line: Vietnamese by default, English with ``--lang en``.

Subcommands live in ``commands/``; each imports what it needs when it runs, so
that ``baocao lint`` on one unit starts fast. Errors are printed without a
traceback; exit status 0 = fine, 1 = findings or failed work, 2 = usage or
configuration error.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback
from typing import ClassVar

import click

from baocao import __version__, click_vi
from baocao.errors import BaocaoError
from baocao.i18n import LANGUAGES, get_lang, set_lang, t
from baocao.interrupts import noting_interrupt

COMMANDS = {
    "new": "baocao.commands.new:new",
    "lint": "baocao.commands.lint:lint",
    "build": "baocao.commands.build:build",
    "shards": "baocao.commands.shards:shards",
    "codeowners": "baocao.commands.codeowners:codeowners",
    "changed": "baocao.commands.changed:changed",
    "status": "baocao.commands.status:status",
    "import": "baocao.commands.import_word:import_word",
    "diff": "baocao.commands.diff:diff",
    "xuat": "baocao.commands.xuat:xuat",
}


class LazyGroup(click.Group):
    """A group whose subcommands (name -> "module:attribute") are imported only when used."""

    commands_map: ClassVar[dict[str, str]] = COMMANDS

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, target in self.commands_map.items() if _importable(target)]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = self.commands_map.get(name)
        if target is None or not _importable(target):
            return None
        module_name, attr = target.split(":")
        module = __import__(module_name, fromlist=[attr])
        return getattr(module, attr)


def _importable(target: str) -> bool:
    from importlib.util import find_spec

    return find_spec(target.split(":")[0]) is not None


def _lang_from_argv(argv: list[str]) -> str:
    lang = os.environ.get("BAOCAO_LANG", "vi")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in LANGUAGES else "vi"


GLOBAL_OPTIONS = ("--lang",)  # options of the group that take a value


def globals_first(argv: list[str]) -> list[str]:
    """``argv`` with the group's options moved before the subcommand.

    ``baocao lint --lang en`` means ``baocao --lang en lint``: a user need not know
    which options belong to the group. Nothing after ``--`` moves.
    """
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest.extend(argv[index:])
            break
        if arg in GLOBAL_OPTIONS and index + 1 < len(argv):
            front.extend(argv[index : index + 2])
            index += 2
            continue
        if arg.startswith(tuple(f"{name}=" for name in GLOBAL_OPTIONS)):
            front.append(arg)
        else:
            rest.append(arg)
        index += 1
    return front + rest


def build_cli() -> click.Group:
    @click.group(
        cls=LazyGroup, help=t("cli.help"), context_settings={"help_option_names": ["-h", "--help"]}
    )
    @click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default="vi",
        show_default=True,
        help=t("cli.opt.lang"),
    )
    @click.version_option(
        __version__, "--version", prog_name="baocao", message="%(prog)s %(version)s"
    )
    def cli(lang: str) -> None:
        set_lang(lang)

    return cli


def main(argv: list[str] | None = None) -> int:
    argv = globals_first(list(sys.argv[1:] if argv is None else argv))
    set_lang(_lang_from_argv(argv))
    click_vi.install(get_lang())
    interrupted = threading.Event()
    try:
        with noting_interrupt(interrupted):
            build_cli().main(argv, prog_name="baocao", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.UsageError as err:
        click.echo(
            t(
                "cli.usage-error",
                message=err.format_message(),
                command=err.ctx.command_path if err.ctx else "baocao",
            ),
            err=True,
        )
        return 2
    except click.Abort:
        return 130
    except BaocaoError as err:
        click.echo(t("cli.error") + " " + err.render(), err=True)
        return err.exit_code
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 1
    except Exception:  # a bug: say so plainly, keep the traceback for developers
        if interrupted.is_set():  # Ctrl+C, turned into another error by a library
            return 130
        if os.environ.get("BAOCAO_DEBUG"):
            traceback.print_exc()
        click.echo(t("cli.internal-error"), err=True)
        return 3
    code = _exit_code()
    return 130 if interrupted.is_set() else code  # a command that took Ctrl+C for a failure


_result = {"code": 0}


def set_exit_code(code: int) -> None:
    """Commands report findings through the exit code without raising."""
    _result["code"] = max(_result["code"], code)


def _exit_code() -> int:
    code, _result["code"] = _result["code"], 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
