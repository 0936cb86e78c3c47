"""Settings for the whole suite."""

import os

# every chart drawn in a test, in unit tests, AppTests or a test's server, is checked by plotly
os.environ["LOSSVIZ_VALIDATE_FIGURES"] = "1"
