"""The two recipes of docs/ARCHITECTURE.md, followed: "Add a lab" (one folder and one line in LABS) and
"Add a loss" (its class, its two strings, its test). Each runs in a fresh interpreter, as a new lab or
loss would be imported there, and renders the app with AppTest."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LAB_FILES = {
    "__init__.py": '"""The throwaway lab: proves the recipe."""\n',
    "schema.py": """
        from lossviz.losses import ParamSpec
        from lossviz.state import Schema

        THROWAWAY = Schema(numbers={"width": ParamSpec(default=2.0, min=0.5, max=4.0, step=0.5)})
    """,
    "strings.py": """
        ENGLISH = {"throwaway.title": "Throwaway lab", "throwaway.nav": "Throwaway",
                   "throwaway.blurb": "A lab added by following the recipe.", "throwaway.width": "width",
                   "throwaway.width_help": "How wide the curve is.", "throwaway.result": "Width in the URL: {width}"}
        KOREAN = {"throwaway.title": "연습 실험실", "throwaway.nav": "연습",
                  "throwaway.blurb": "안내대로 더한 실험실입니다.", "throwaway.width": "폭",
                  "throwaway.width_help": "곡선의 폭입니다.", "throwaway.result": "URL의 폭: {width}"}
    """,
    "page.py": """
        import streamlit as st

        from lossviz import ui
        from throwaway_lab.schema import THROWAWAY

        page = ui.page("throwaway", THROWAWAY)
        page.title()
        settings = page.sidebar_settings(lambda: page.settings(ui.setting_sliders(page, ("width",)), {}))
        st.write(page.t("throwaway.result", width=settings.width))
    """,
}

ADD_A_LAB = """
    import sys
    from streamlit.testing.v1 import AppTest
    from lossviz.labs import LABS, Lab

    sys.path.insert(0, {folder!r})
    LABS.append(Lab("throwaway", ":material/science:", package="throwaway_lab"))  # the one line
    app = AppTest.from_file({app!r}, default_timeout=60)
    app.query_params.update({{"lang": "ko"}})
    app.run()
    app.query_params.update({{"width": "3.5", "lang": "ko"}})
    app.switch_page(LABS[-1].script).run()
    assert not app.exception, app.exception
    assert app.title[0].value == "연습 실험실"
    assert app.slider(key="throwaway.width").value == 3.5
    assert any(element.value == "URL의 폭: 3.5" for element in app.markdown)
    app.slider(key="throwaway.width").set_value(1.0).run()
    assert any(element.value == "URL의 폭: 1.0" for element in app.markdown)
    print("lab rendered")
"""

ADD_A_LOSS = """
    import numpy as np
    from streamlit.testing.v1 import AppTest

    from lossviz import losses
    from lossviz.i18n import losses_en, losses_ko
    from lossviz.losses.regression import RegressionLoss


    @losses.register  # the registry's table gets the same one line
    class Cauchy(RegressionLoss):
        \"\"\"Cauchy (Lorentzian) loss: log(1 + (r/c)^2) / 2, which gives up on far residuals.\"\"\"

        name = "cauchy"
        param_specs = {{"scale": losses.ParamSpec(default=1.0, min=0.1, max=5.0, step=0.1, help="Width c.")}}
        latex = r"L = \\frac{{1}}{{n}}\\sum_i \\tfrac12\\log(1 + r_i^2 / c^2)"
        grad_latex = r"\\frac{{\\partial L}}{{\\partial \\hat y_i}} = \\frac{{1}}{{n}}\\,\\frac{{r_i}}{{c^2 + r_i^2}}"

        def _value(self, r):
            return 0.5 * np.log1p(np.square(r / self.scale))

        def _slope(self, r, scale):
            return scale * r / (self.scale ** 2 + np.square(r))


    # its two strings: its entry in English and in Korean
    losses_en.LOSSES["cauchy"] = {{
        "name": "Cauchy loss", "about": "Gives up on far residuals.", "use": "outliers are gross.",
        "avoid": "you need a convex loss.", "robust": "very high", "needs": "real targets",
        "gradient": "falls back to 0 far away", "help": {{"scale": "Width c of the bowl."}}}}
    losses_ko.LOSSES["cauchy"] = {{
        "name": "코시 손실", "about": "멀리 떨어진 잔차는 포기합니다.", "use": "이상치가 아주 클 때.",
        "avoid": "볼록한 손실이 필요할 때.", "robust": "매우 높음", "needs": "실수 타깃",
        "gradient": "멀어지면 0으로 돌아감", "help": {{"scale": "그릇의 폭 c."}}}}

    # its test: the hand-derived backward against central finite differences
    loss = losses.get("cauchy", scale=0.7)
    y_true, y_pred = np.zeros(5), np.array([-3.0, -0.4, 0.1, 0.8, 6.0])
    step = 1e-6
    numeric = [(loss.forward(y_true, y_pred + step * unit) - loss.forward(y_true, y_pred - step * unit)) / (2 * step)
               for unit in np.eye(5)]
    assert np.allclose(loss.backward(y_true, y_pred), numeric, atol=1e-8)

    # the gallery, its card and the torch check's table pick it up from the registry
    app = AppTest.from_file({app!r}, default_timeout=60)
    app.query_params.update({{"lang": "ko"}})
    app.run()
    app.query_params.update({{"task": "regression", "losses": "mse,cauchy", "cauchy.scale": "0.7", "lang": "ko"}})
    app.switch_page("lossviz/labs/gallery/page.py").run()
    assert not app.exception, app.exception
    assert app.multiselect(key="gallery.losses").value == ["mse", "cauchy"]
    assert app.session_state["gallery.cauchy.scale"] == 0.7  # its slider, from its ParamSpec and the URL
    app.radio(key="gallery.detail").set_value("cauchy").run()
    texts = [element.value for element in app.markdown]
    assert "멀리 떨어진 잔차는 포기합니다." in texts and any("그릇의 폭 c." in text for text in texts)
    app.button_group(key="gallery.detail_tab").set_value("code").run()  # no code of its own: said, no error
    assert not app.exception, app.exception
    assert any("바로 쓸 코드가 없습니다" in element.value for element in app.caption)
    print("loss rendered")
"""


def run(script: str, tmp_path: Path) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_add_a_lab_is_one_folder_and_one_line_in_labs(tmp_path):
    folder = tmp_path / "throwaway_lab"
    folder.mkdir()
    for name, text in LAB_FILES.items():
        (folder / name).write_text(textwrap.dedent(text))
    out = run(ADD_A_LAB.format(folder=str(tmp_path), app=str(ROOT / "app.py")), tmp_path)
    assert "lab rendered" in out


def test_add_a_loss_is_its_class_its_two_strings_and_its_test(tmp_path):
    out = run(ADD_A_LOSS.format(app=str(ROOT / "app.py")), tmp_path)
    assert "loss rendered" in out
