"""``baocao build pdf [UNIT ...]``: each unit's Word file (from ``baocao build docx``) as a
PDF/A-2b ready to sign, through LibreOffice headless, in parallel workers.

Where LibreOffice is absent it says so and how to install it, and exits 0, so that the
rest of ``make build`` goes on. Exit status 1 when a unit's PDF could not be made.
"""

from __future__ import annotations

import time

import click

from baocao.cli import set_exit_code
from baocao.docx.build import output_dir
from baocao.docx.runner import default_jobs
from baocao.i18n import decimal, t
from baocao.pdfout import PDF_DIR, convert_all, soffice, word_files
from baocao.project import Project


@click.command("pdf", help=t("pdf.help"))
@click.argument("units", nargs=-1)
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, help=t("pdf.opt.jobs"))
def pdf(units: tuple[str, ...], jobs: int) -> None:
    project = Project.discover()
    program = soffice()
    if program is None:
        click.echo(t("pdf.no-soffice"), err=True)
        return
    docx_dir = output_dir(project)
    files = word_files(docx_dir, list(units))
    missing = [unit for unit in units if unit not in files]
    for unit in missing:
        click.echo(t("pdf.no-docx", unit=unit, folder=project.rel(docx_dir)), err=True)
    if missing:
        set_exit_code(1)
    if not files:
        click.echo(t("pdf.nothing", folder=project.rel(docx_dir)))
        return
    start = time.perf_counter()
    out_dir = docx_dir.parent / PDF_DIR
    outcomes = convert_all(program, files, out_dir, min(jobs or default_jobs(), len(files)))
    for outcome in outcomes:
        if outcome.path is None:
            click.echo(t("pdf.failed", unit=outcome.unit, error=outcome.error), err=True)
            set_exit_code(1)
        else:
            click.echo(t("pdf.written", unit=outcome.unit, path=project.rel(outcome.path)))
    written = sum(o.path is not None for o in outcomes)
    seconds = decimal(time.perf_counter() - start)
    click.echo(t("pdf.summary", written=written, seconds=seconds, outdir=project.rel(out_dir)))
