"""The regression lab's strings (keys regression.*), in English and Korean."""

ENGLISH = {
    "regression.truth_real": "least-squares line before outliers",
    "regression.influence_real": "Point area: each point's pull on the least-squares line before outliers, under",
    "regression.errors_real": "Final fit against the least-squares line before outliers (real data has no true line)",
    "regression.sweep_help_real": ("Trains every chosen loss on the data with 0 to 50 % injected outliers (five seeds per fraction, at most 300 epochs per run, every other setting as above) and plots how far each fit lands from the least-squares line of the data before the outliers were injected (real data has no true line): the mean over the five, with their spread as error bars. Stop in the top right corner ends it."),
    "regression.nav": "Regression lab",
    "regression.blurb": "Fit a line to data with outliers using several losses at once and watch them train.",
    "regression.title": "Regression lab",
    "regression.intro": ("Every chosen loss fits the same line to the same data, from the same start with the same optimizer. "
                         "Raise the outlier fraction and press play: MSE is pulled toward the outliers, MAE and Huber stay much "
                         "closer to the bulk of the data. Outliers on one side still shift their intercept, more as the fraction "
                         "grows: the table below says by how much."),
    "regression.losses": "Losses",
    "regression.influence": "Point area: each point's pull on the true line under",
    "regression.influence_none": "(all the same)",
    "regression.errors": "Final fit against the true line",
    "regression.sweep": "Outlier sweep",
    "regression.sweep_help": ("Trains every chosen loss on data with 0 to 50 % outliers (five data sets per fraction, at most 300 "
                              "epochs per run, every other setting as above) and plots how far each fit lands from the true line: the "
                              "mean over the five, with their spread as error bars. It takes a few seconds at large settings; Stop in "
                              "the top right corner ends it."),
    "regression.measure": "Error shown",
    "regression.measure.total": "distance (slope and intercept)",
    "regression.measure.slope": "slope error",
    "regression.measure.intercept": "intercept error",
    "regression.sweep_x": "outlier fraction",
    "regression.explain_text": ("**Vertical outliers** are gross errors in y: a faulty sensor, a typo, a wrong unit. MSE squares their "
                                "residuals, so a few of them pull the whole line. The point areas show it: each is the sample's pull on "
                                "the true line, so under MSE a distant outlier weighs as much as dozens of ordinary samples. MAE and "
                                "Huber cap the pull of any single sample (at 1 and at δ), so the line stays with the bulk of the data; "
                                "switch the point area to Huber and the outliers shrink to nearly the size of ordinary samples. They are "
                                "not immune: outliers all on one side still shift the intercept, and the shift grows with their share "
                                "(run the sweep with the intercept error shown).\n\n**Leverage points** are errors in x. Their y is right, "
                                "but they sit far to the side, and the pull of a sample on the slope is its residual's pull *times its "
                                "x*. Bounding the residual's pull does not bound that: on this data MAE and Huber already lose the true "
                                "slope at 5 to 10 % leverage points, about where MSE does (switch the outliers to x and run the sweep "
                                "with the slope error shown). Protecting against them takes other tools: down-weighting samples far out "
                                "in x, or robust methods such as least trimmed squares.\n\n**Huber's δ** is the residual size at which a "
                                "sample stops counting as ordinary. A common start is δ = 1 on the scale of your targets; Huber's own "
                                "rule of thumb is δ ≈ 1.35 × the noise's standard deviation (with the button under the δ slider). Mind "
                                "the direction: a smaller δ caps the pull of more samples, so more outliers call for a smaller δ, not a "
                                "larger one. A common source says the opposite (more outliers, larger δ); that "
                                "would treat more of the outliers quadratically, like MSE. Try both on the sweep.\n\n**The learning rate** "
                                "matters most for MSE: its gradient grows with the residual, so a step that is too large overshoots "
                                "further each epoch and the run diverges. MAE's gradient never exceeds 1 per sample, so it does not blow "
                                "up, but with a fixed step it keeps jittering around the answer."),
    "regression.huber_rule": "Use δ = {factor} × {noise} = {product} → δ = {delta}",
    "regression.huber_rule_help": ("Huber's rule of thumb: with Gaussian noise of standard deviation σ, δ = 1.35 σ keeps 95 % of MSE's "
                                   "efficiency on clean data while capping the outliers' pull. The button multiplies the noise "
                                   "slider's σ by 1.35 and rounds to the δ slider's step."),
    "regression.sweep_progress": "Outlier fraction {fraction}, data set {seed} of {seeds}",
    "regression.verdict_rule": ("**The claim under test:** MAE and Huber resist outliers where MSE breaks down. A fit counts as broken "
                                "down when its mean {measure} over the {seeds} data sets exceeds {threshold} (a third of the true slope "
                                "1.5, the whole intercept 0.5), or when most of its runs diverge. On this sweep:"),
    "regression.breakdown_never": ("**{loss}** stays below {threshold} up to {last} outliers (largest mean error {largest})."),
    "regression.breakdown_at": ("**{loss}** breaks down at {fraction} outliers: mean error {error} ± {spread} (at most {largest} before "
                                "that)."),
    "regression.breakdown_diverged": "{diverged} of its {runs} runs diverged.",
    "regression.not_converging": ("Not converging: {losses} ended no lower than they started. With this learning rate the steps overshoot "
                                  "and the fit jitters around the answer: lower it."),
    "regression.see_surface": "See its loss surface",
    "regression.picture": "Points with outliers, the true line, and the MSE line pulled toward the outliers",
    "regression.switch": "Switching the loss during training",
    "regression.switch_show": "A run that switches its loss",
    "regression.switch_off": "hidden",
    "regression.switch_on": "shown",
    "regression.switch_from": "first loss",
    "regression.switch_to": "then",
    "regression.switch_too_short": "A switch needs at least {epochs} epochs: raise the epochs in the training tab.",
    "regression.switch_at": "switch at epoch",
    "regression.switched": "{first} → {then} at epoch {at}",
    "regression.alone": "{name} alone",
    "regression.switch_help": ("Each curve is its loss divided by that loss's value at the start: the switched run "
                               "follows the first loss's scale until the switch and the second's after it, so it "
                               "jumps there. Same data, optimizer and epochs as above."),
    "regression.switch_rule": "Measured on {seeds} data sets like the one above (its seed and the next ones):",
}

KOREAN = {
    "regression.truth_real": "이상치를 넣기 전 최소제곱 직선",
    "regression.influence_real": "점 크기: 이상치를 넣기 전 최소제곱 직선 기준으로 각 샘플이 당기는 힘 (기준 손실 함수)",
    "regression.errors_real": "최종 적합선과 이상치를 넣기 전 최소제곱 직선의 차이 (실제 데이터에는 정답 직선이 없음)",
    "regression.sweep_help_real": ("선택한 손실 함수마다 이상치를 0~50 % 넣은 데이터로 학습하고(비율마다 시드 다섯 개, 실행마다 최대 300 에포크, 나머지 설정은 위와 같음), 적합선이 이상치를 넣기 전 데이터의 최소제곱 직선에서 얼마나 벗어나는지 그립니다(실제 데이터에는 정답 직선이 없음). 선은 다섯 번의 평균이고, 오차 막대는 그 퍼진 정도입니다. 오른쪽 위의 Stop으로 멈출 수 있습니다."),
    "regression.nav": "회귀 실험실",
    "regression.blurb": "이상치가 섞인 데이터에 여러 손실 함수로 동시에 직선을 맞추며 학습 과정을 지켜봅니다.",
    "regression.title": "회귀 실험실",
    "regression.intro": ("선택한 손실 함수마다 같은 데이터에, 같은 시작점과 같은 옵티마이저로 직선을 맞춥니다. 이상치 비율을 올리고 재생을 눌러 보세요. MSE는 이상치 쪽으로 끌려가고, MAE와 후버 손실은 "
                         "데이터 대부분에 훨씬 가깝게 남습니다. 다만 이상치가 한쪽에만 있으면 이들의 절편도 비율이 커질수록 밀려납니다. 얼마나 밀리는지는 아래 표에 나옵니다."),
    "regression.losses": "손실 함수",
    "regression.influence": "점 크기: 정답 직선 기준으로 각 샘플이 당기는 힘 (기준 손실 함수)",
    "regression.influence_none": "(모두 같은 크기)",
    "regression.errors": "최종 적합선과 정답 직선의 차이",
    "regression.sweep": "이상치 비율 스윕",
    "regression.sweep_help": ("선택한 손실 함수마다 이상치 비율 0~50 %의 데이터로 학습하고(비율마다 데이터 다섯 벌, 실행마다 최대 300 에포크, 나머지 설정은 위와 같음), 적합선이 정답 직선에서 얼마나 "
                              "벗어나는지 그립니다. 선은 다섯 벌의 평균이고, 오차 막대는 그 퍼진 정도입니다. 설정이 크면 몇 초 걸리며, 오른쪽 위의 Stop으로 멈출 수 있습니다."),
    "regression.measure": "표시할 오차",
    "regression.measure.total": "거리 (기울기와 절편)",
    "regression.measure.slope": "기울기 오차",
    "regression.measure.intercept": "절편 오차",
    "regression.sweep_x": "이상치 비율",
    "regression.explain_text": ("**수직 이상치**는 y에 생긴 큰 오류입니다. 고장 난 센서, 오타, 잘못된 단위 같은 것이죠. MSE는 잔차를 제곱하므로 이런 샘플 몇 개가 직선 전체를 끌어당깁니다. 점 크기가 "
                                "이를 보여 줍니다. 크기는 정답 직선에서 각 샘플이 당기는 힘이라, MSE에서는 멀리 있는 이상치 하나가 보통 샘플 수십 개만큼 무겁습니다. MAE와 후버 손실은 샘플 하나가 당기는 "
                                "힘에 상한(1과 δ)을 두므로 직선이 데이터 대부분을 따라갑니다. 점 크기 기준을 후버 손실로 바꾸면 이상치가 보통 샘플과 거의 같은 크기로 줄어듭니다. 그래도 완전히 면역은 아닙니다. "
                                "이상치가 모두 한쪽에 있으면 절편이 밀리고, 비율이 클수록 더 밀립니다(절편 오차로 스윕을 돌려 보세요).\n\n**레버리지 점**은 x에 생긴 오류입니다. y는 맞지만 옆으로 멀리 떨어져 "
                                "있고, 샘플이 기울기를 당기는 힘은 잔차의 힘에 *x를 곱한* 값입니다. 잔차의 힘을 제한해도 이 곱은 제한되지 않습니다. 이 데이터에서는 레버리지 점이 5~10 %만 되어도 MAE와 "
                                "후버 손실이 MSE와 비슷한 지점에서 정답 기울기를 놓칩니다(이상치 위치를 x로 바꾸고 기울기 오차로 스윕을 돌려 보세요). 이런 점에는 다른 도구가 필요합니다. x가 멀리 떨어진 "
                                "샘플의 가중치를 낮추거나, 최소 절사 제곱 같은 강건 회귀를 씁니다.\n\n**후버 손실의 δ**는 샘플을 더 이상 평범하게 보지 않는 잔차의 크기입니다. 흔히 목표값의 척도에서 δ = "
                                "1로 시작하고, 후버가 제안한 경험칙은 δ ≈ 1.35 × 잡음의 표준편차입니다(δ 슬라이더 아래 버튼). 방향에 주의하세요. δ가 작을수록 더 많은 샘플의 힘을 제한하므로, 이상치가 "
                                "많으면 δ를 키우는 것이 아니라 줄여야 합니다. 흔히 보는 자료는 반대로 '이상치가 많을수록 δ를 크게'라고 하는데, 그러면 이상치를 더 많이 제곱으로 다뤄 "
                                "MSE에 가까워집니다. 스윕에서 두 값을 직접 비교해 보세요.\n\n**학습률**은 MSE에서 가장 중요합니다. 그래디언트가 잔차에 비례해 커지므로 너무 큰 보폭은 매 에포크 더 멀리 "
                                "넘어가고 결국 발산합니다. MAE의 그래디언트는 샘플마다 1을 넘지 않아 폭주하지 않지만, 보폭이 고정되어 있으면 답 근처에서 계속 흔들립니다."),
    "regression.huber_rule": "δ = {factor} × {noise} = {product} → δ = {delta} 적용",
    "regression.huber_rule_help": ("후버의 경험칙: 잡음이 표준편차 σ인 정규분포라면 δ = 1.35σ에서 깨끗한 데이터에 대한 MSE 효율의 95 %를 지키면서 이상치가 당기는 힘을 제한합니다. 버튼은 잡음 슬라이더의 σ에 1.35를 곱하고 δ 슬라이더의 눈금에 맞춰 반올림합니다."),
    "regression.sweep_progress": "이상치 비율 {fraction}, 데이터 {seeds}벌 중 {seed}번째",
    "regression.verdict_rule": ("**시험하는 주장:** MSE가 무너지는 곳에서도 MAE와 후버 손실은 이상치를 견딘다. 데이터 {seeds}벌에 대한 {measure} 평균이 {threshold}보다 크거나(정답 "
                                "기울기 1.5의 3분의 1, 정답 절편 0.5 전체) 실행 대부분이 발산하면 적합이 무너졌다고 봅니다. 이번 스윕의 결과:"),
    "regression.breakdown_never": "**{loss}**: 이상치 {last}까지 평균 오차가 {threshold}보다 작습니다(최대 {largest}).",
    "regression.breakdown_at": ("**{loss}**: 이상치 {fraction}에서 무너집니다. 평균 오차는 {error} ± {spread}, 그 전까지는 최대 {largest}입니다."),
    "regression.breakdown_diverged": "전체 {runs}번 중 {diverged}번은 발산했습니다.",
    "regression.not_converging": ("수렴하지 않음: {losses}. 끝난 시점의 손실이 시작보다 낮지 않습니다. 이 학습률에서는 보폭이 너무 커서 적합선이 답 주변을 오갑니다. 학습률을 낮춰 보세요."),
    "regression.see_surface": "손실 지형 보기",
    "regression.picture": "이상치가 섞인 점들, 정답 직선, 그리고 이상치 쪽으로 끌려간 MSE 직선",
    "regression.switch": "학습 도중 손실 함수 바꾸기",
    "regression.switch_show": "손실 함수를 바꾸는 학습",
    "regression.switch_off": "숨기기",
    "regression.switch_on": "보기",
    "regression.switch_from": "처음 손실 함수",
    "regression.switch_to": "바꿀 손실 함수",
    "regression.switch_too_short": "손실 함수를 바꾸려면 에포크가 {epochs} 이상이어야 합니다. 학습 탭에서 에포크를 올려 주세요.",
    "regression.switch_at": "바꾸는 에포크",
    "regression.switched": "{first} → {then}({at} 에포크에서)",
    "regression.alone": "{name}만",
    "regression.switch_help": ("곡선은 각 손실을 그 손실의 시작 값으로 나눈 것입니다. 바꾼 학습의 곡선은 바꾸기 전에는 처음 손실 함수의 "
                               "눈금을, 바꾼 뒤에는 바꿀 손실 함수의 눈금을 따르므로 바꾸는 에포크에서 뜁니다. 데이터, 옵티마이저, "
                               "에포크는 위와 같습니다."),
    "regression.switch_rule": "위와 같은 데이터 {seeds}벌(위의 시드와 그다음 시드들)에서 잰 결과입니다.",
}
