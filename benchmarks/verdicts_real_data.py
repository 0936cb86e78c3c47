"""The regression and classification labs' sweeps at their defaults, on synthetic and on real data, with the
verdicts the labs print and the seconds each sweep took.

    PYTHONPATH=. .venv/bin/python benchmarks/verdicts_real_data.py [--lang ko]
"""

import argparse
import time

from lossviz.i18n import say as said
from lossviz.labs.classification import train as classification
from lossviz.labs.classification import verdicts as classification_verdicts
from lossviz.labs.classification.schema import CLASSIFICATION
from lossviz.labs.regression import train as regression
from lossviz.labs.regression import verdicts as regression_verdicts
from lossviz.labs.regression.schema import REGRESSION


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=("en", "ko"))
    lang = parser.parse_args().lang
    for data in ("synthetic", "diabetes"):
        settings = REGRESSION.parse({"data": data})[0]
        loss_params = tuple((name, settings.params_key(name)) for name in settings.losses)
        start = time.perf_counter()
        sweep = regression.outlier_sweep_of(settings.group("data", without=regression.OUTLIER_SWEEP_VARIES),
                                            loss_params, settings.group("training"))
        print(f"## outlier sweep, {data}, total error ({time.perf_counter() - start:.1f} s)")
        for sentence in regression_verdicts.breakdown_sentences(sweep, "total"):
            print("-", said(lang, sentence))
    for data in ("synthetic", "breast_cancer"):
        settings = CLASSIFICATION.parse({"data": data})[0]
        start = time.perf_counter()
        sweep = classification.imbalance_sweep_of(*classification.imbalance_sweep_key(settings))
        print(f"## imbalance sweep, {data} ({time.perf_counter() - start:.1f} s): points {sweep.points}, "
              f"validation minority per seed {sweep.validation_minority}")
        for sentence in (classification_verdicts.imbalance_sentences(sweep)
                         + classification_verdicts.calibration_sentences(sweep)):
            print("-", said(lang, sentence))


if __name__ == "__main__":
    main()
