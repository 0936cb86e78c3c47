"""The workbench's lesson (lossviz.lessons): type a loss, let the workbench check it, train with it,
and compare it with the built-in Huber; each answer measured by the functions the page calls."""

from __future__ import annotations

from lossviz.i18n.sentence import Sentence
from lossviz.labs.regression.lessons import row_sentences  # its error table, which the workbench's is
from lossviz.labs.regression.schema import REGRESSION
from lossviz.labs.workbench import syntax, typed
from lossviz.lessons import Answer, Lesson, Step, one_data_set
from lossviz.models import error_rows
from lossviz.tables import cell_text

YES, NO = "lesson.choice.yes", "lesson.choice.no"
CAUCHY = "log(1 + r**2)"  # bounded pull, as Huber's, but smooth everywhere
TYPED = (("task", "regression"), ("compare", "mse,mae,huber"))


def expression_of(settings):
    return typed.typed_loss(settings.expr, settings.task)


def params_of(settings, expression) -> tuple:
    return tuple((name, settings.values[name]) for name in expression.parameters)


def checks(settings, compute) -> list[Sentence]:
    """What the page says is wrong with the typed loss (nothing: an empty list)."""
    expression = expression_of(settings)
    curve = compute(typed.typed_curve, expression.text, expression.task, params_of(settings, expression), entries=256)
    return typed.curve_checks(expression, curve)


def finds_fault(settings, compute) -> Answer:
    found = checks(settings, compute)
    if not found:
        return Answer(NO, (Sentence(f"workbench.check.fine_{expression_of(settings).axis}", {}),), ())
    return Answer(YES, tuple(found), tuple(value for sentence in found for key, value in sentence.values.items()
                                          if key in ("value", "at")))


def trained_errors(settings, compute) -> dict[str, dict]:
    """The page's table after "train with it": the typed loss's row and the built-in losses', by name."""
    expression = expression_of(settings)
    data, histories = typed.trained_lines(expression.text, params_of(settings, expression), settings.outlier_fraction,
                                          compute)
    return {row["loss"]: row for row in error_rows(data, histories)}


def beats_mse(settings, compute) -> Answer:
    rows = trained_errors(settings, compute)
    total = {name: rows[name]["slope"] + rows[name]["intercept"] for name in (typed.CUSTOM, "mse")}
    closer = total[typed.CUSTOM] < total["mse"]
    said = (*row_sentences(rows, (typed.CUSTOM, "mse")), one_data_set(REGRESSION.numbers["seed"].default))
    return Answer(YES if closer else NO, said,
                  (cell_text(rows[typed.CUSTOM]["slope"]), cell_text(rows["mse"]["slope"])))


def same_as_huber(settings, compute) -> Answer:
    rows = trained_errors(settings, compute)
    same = all(cell_text(rows[typed.CUSTOM][key]) == cell_text(rows["huber"][key]) for key in ("slope", "intercept"))
    return Answer(YES if same else NO, row_sentences(rows, (typed.CUSTOM, "huber")),
                  (cell_text(rows[typed.CUSTOM]["slope"]), cell_text(rows["huber"]["slope"])))


LESSONS = (
    Lesson("workbench", (
        Step("workbench", (*TYPED, ("expr", CAUCHY)), "type", (YES, NO), NO, "checks", finds_fault),
        Step("workbench", (*TYPED, ("expr", "r")), "not_a_loss", (YES, NO), YES, "checks", finds_fault),
        Step("workbench", (*TYPED, ("expr", CAUCHY), ("outlier_fraction", "0.2")), "train", (YES, NO), YES,
             "train_errors", beats_mse, runs=("train_run",)),
        Step("workbench", (*TYPED, ("expr", syntax.DEFAULT_TEXT["regression"]), ("a", "1"),
                           ("outlier_fraction", "0.2")), "huber", (YES, NO), YES, "train_errors", same_as_huber,
             runs=("train_run",)),
    ), minutes=15),
)
