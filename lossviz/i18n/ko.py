"""한국어 UI 문자열."""

STRINGS = {
    "home.title": "LossViz",
    "app.tagline": "머신러닝 손실 함수를 직접 움직여 보는 탐색 도구입니다.",
    "sidebar.language": "언어",
    "sidebar.about": ("LossViz의 모든 곡선은 손으로 유도한 기울기를 갖춘 하나의 numpy 구현에서 나오며, "
                      "PyTorch와 대조해 검증됩니다. 설정은 URL에 담기므로 주소를 복사하면 같은 화면을 공유할 수 있습니다."),
    "nav.home": "홈",
    "nav.gallery": "손실 함수 갤러리",
    "home.intro": ("슬라이더를 움직이면 손실 함수와 그 기울기, 학습 과정이 함께 바뀌는 모습을 볼 수 있습니다. "
                   "모든 곡선은 PyTorch와 float64 정밀도로 일치하는지 테스트한 numpy 코드로 계산합니다."),
    "home.pages": "페이지",
    "home.gallery": "한 과제의 손실 함수들을 겹쳐 그리고, 파라미터를 조절하며 곡선과 기울기를 비교합니다.",
    "gallery.title": "손실 함수 갤러리",
    "gallery.task": "과제",
    "gallery.losses": "손실 함수",
    "gallery.losses_placeholder": "손실 함수를 고르세요",
    "gallery.axis": "가로축",
    "gallery.no_parameters": "파라미터가 없습니다.",
    "gallery.pick_one": "그릴 손실 함수를 하나 이상 고르세요.",
    "gallery.loss_chart": "손실",
    "gallery.slope_chart": "가로축 방향의 기울기",
    "gallery.explain": "설명과 수식",
    "gallery.formula": "수식",
    "gallery.gradient": "기울기",
    "gallery.details": "손실 함수 하나 자세히 보기",
    "gallery.detail_tabs": "보여 줄 내용",
    "gallery.code": "내 코드에서 쓰기",
    "gallery.hinge_note": "힌지 손실은 확률이 아니라 점수(raw score)를 받습니다. 가로축을 로짓으로 바꾸면 보입니다.",
    "gallery.download": "곡선 내려받기 (CSV)",
    "gallery.check": "PyTorch와 대조하기",
    "gallery.check_help": ("그려진 모든 손실과 기울기를 PyTorch(float64)로 같은 점에서 다시 계산하고, "
                           "가장 큰 절대 차이를 보여 줍니다."),
    "gallery.check_run": "대조 실행",
    "column.value_diff": "최대 |Δ 값|",
    "column.gradient_diff": "최대 |Δ 기울기|",
    "column.skipped": "제외한 점",
    "gallery.check_bad": "일부 차이가 float64 반올림 수준보다 큽니다. 이 화면은 PyTorch와 일치하지 않습니다.",
    "gallery.check_skipped_note": ("제외한 점: 확률이 정확히 0인 곳에서 잘린 log를 거치는 PyTorch 자동 미분은 0 × ∞가 되어 "
                                   "기울기가 정의되지 않으므로 비교하지 않았습니다."),
    "gallery.check_ok": "모든 차이가 float64 반올림 수준입니다.",
    "task.regression": "회귀",
    "task.binary": "이진 분류",
    "task.multiclass": "다중 클래스 분류",
    "task.segmentation": "분할(세그멘테이션)",
    "task.distribution": "확률 분포",
    "task.embedding": "임베딩",
    "axis.residual": "잔차",
    "axis.proba": "확률",
    "axis.logit": "로짓",
    "axis.distance": "거리",
    "axis_title.residual": "잔차 ŷ − y",
    "axis_title.proba": "정답 클래스의 예측 확률 p_t",
    "axis_title.logit": "정답 클래스의 로짓",
    "axis_title.distance": "앵커와 네거티브 사이 거리",
    "axis_title.segmentation.proba": "전경 픽셀 하나의 확률",
    "axis_title.segmentation.logit": "전경 픽셀 하나의 로짓",
    "axis_title.distribution.proba": "첫 번째 결과에 대한 모델 확률 q (목표 P = (0.3, 0.7))",
    "view.regression": "각 곡선은 샘플 하나의 손실을 잔차에 대해 그린 것이고, 기울기는 그 곡선의 경사입니다.",
    "view.binary": "양성 예제(y = 1) 하나: 정답에 대한 모델의 확신이 커질 때 손실이 어떻게 줄어드는지 봅니다.",
    "view.multiclass": ("클래스 세 개: 정답 클래스가 p_t(또는 0인 두 로짓에 맞선 로짓)를 갖고, "
                        "나머지 클래스가 남은 확률을 똑같이 나눕니다."),
    "view.segmentation": ("6×6 마스크에 2×2 물체가 있고, 물체는 0.6, 배경은 0.1로 예측된 상태입니다. "
                          "물체 픽셀 하나만 가로축을 따라 움직이고 나머지는 그대로입니다."),
    "view.distribution": "모델 Q가 움직일 때 두 결과를 갖는 분포 사이의 KL(P‖Q)입니다.",
    "view.embedding": ("포지티브는 앵커에서 거리 1에 있고 네거티브가 멀어집니다. 1 + 마진보다 먼 "
                       "쉬운 네거티브는 손실이 0입니다."),
    "nav.regression": "회귀 실험실",
    "home.regression": "이상치가 섞인 데이터에 여러 손실 함수로 동시에 직선을 맞추며 학습 과정을 지켜봅니다.",
    "regression.title": "회귀 실험실",
    "regression.intro": ("선택한 손실 함수마다 같은 데이터에, 같은 시작점과 같은 옵티마이저로 직선을 맞춥니다. "
                         "이상치 비율을 올리고 재생을 눌러 보세요. MSE는 이상치 쪽으로 휘고, MAE와 Huber는 "
                         "참 직선을 지킵니다."),
    "regression.settings": "설정",
    "regression.tab_data": "데이터",
    "regression.tab_losses": "손실 함수",
    "regression.tab_training": "학습",
    "regression.losses": "손실 함수",
    "regression.losses_placeholder": "손실 함수를 고르세요",
    "regression.pick_one": "학습할 손실 함수를 하나 이상 고르세요.",
    "regression.n": "데이터 개수",
    "regression.noise": "잡음 (표준편차)",
    "regression.outlier_fraction": "이상치 비율",
    "regression.outlier_magnitude": "이상치 거리 (× 퍼짐)",
    "regression.outlier_kind": "이상치 위치",
    "regression.kind.vertical": "y (수직)",
    "regression.kind.leverage": "x (레버리지)",
    "regression.seed": "난수 시드",
    "regression.optimizer": "옵티마이저",
    "optimizer.gd": "경사 하강법",
    "optimizer.momentum": "모멘텀",
    "optimizer.nag": "네스테로프 (NAG)",
    "optimizer.adam": "Adam",
    "regression.lr": "학습률",
    "regression.momentum": "모멘텀 계수",
    "regression.epochs": "에포크",
    "regression.influence": "점 면적: 참 직선 위에서 각 점이 당기는 힘 (기준 손실 함수)",
    "regression.influence_none": "(모두 같은 크기)",
    "regression.x": "x",
    "regression.y": "y",
    "regression.points": "데이터",
    "regression.outliers": "이상치",
    "regression.truth": "참 직선",
    "regression.epoch": "에포크",
    "regression.play": "재생",
    "regression.pause": "일시정지",
    "regression.history_x": "에포크",
    "regression.history_y": "손실 ÷ 시작 시점 손실",
    "regression.errors": "최종 적합선과 참 직선의 차이",
    "column.loss": "손실 함수",
    "column.slope": "Δ 기울기",
    "column.intercept": "Δ 절편",
    "column.diverged": "발산 에포크",
    "regression.diverged": ("{losses}이(가) 발산했습니다. 학습률이 너무 큽니다. 해당 직선은 마지막으로 "
                            "유한했던 에포크에서 멈춥니다. 학습률을 낮춰 보세요."),
    "regression.download": "학습 기록 내려받기 (CSV)",
    "regression.sweep": "이상치 비율 스윕",
    "regression.sweep_help": ("선택한 손실 함수마다 이상치 비율 0~50 %의 데이터(비율마다 데이터 세 벌, 나머지 "
                              "설정은 위와 같음)로 학습하고, 적합선이 참 직선에서 얼마나 벗어나는지 그립니다."),
    "regression.sweep_run": "스윕 실행",
    "regression.sweep_running": "이상치 비율 열한 가지로 모든 손실 함수를 학습하는 중…",
    "regression.measure": "표시할 오차",
    "measure.total": "거리 (기울기와 절편)",
    "measure.slope": "기울기 오차",
    "measure.intercept": "절편 오차",
    "regression.sweep_x": "이상치 비율",
    "regression.explain": "무엇을 볼까요",
    "regression.explain_text": (
        "**수직 이상치**는 y에 생긴 큰 오류입니다. 고장 난 센서, 오타, 잘못된 단위 같은 것이죠. MSE는 잔차를 "
        "제곱하므로 이런 점 몇 개가 직선 전체를 끌어당깁니다. 점 면적이 이를 보여 줍니다. 면적은 참 직선에서 "
        "각 점이 당기는 힘이라, MSE에서는 멀리 있는 이상치 하나가 보통 점 수십 개만큼 무겁습니다. MAE와 Huber는 "
        "점 하나가 당기는 힘에 상한(1과 δ)을 두므로 직선이 데이터 대부분을 따라갑니다. 점 면적을 Huber로 "
        "바꾸면 이상치가 보통 점과 거의 같은 크기로 줄어듭니다.\n\n"
        "**레버리지 점**은 x에 생긴 오류입니다. y는 맞지만 옆으로 멀리 떨어져 있고, 점이 기울기를 당기는 힘은 "
        "잔차의 힘에 *x를 곱한* 값입니다. 잔차의 힘을 제한해도 이 곱은 제한되지 않습니다. 레버리지 점이 적으면 "
        "MAE와 Huber가 MSE보다 낫지만, 20 % 정도가 되면 여기 있는 모든 손실 함수가 참 기울기에서 끌려갑니다. "
        "이런 점에는 다른 도구(x가 멀리 떨어진 점의 가중치 낮추기, 최소 절사 제곱 같은 강건 회귀)가 필요합니다.\n\n"
        "**Huber의 δ**는 점을 더 이상 평범하게 보지 않는 잔차의 크기입니다. 흔히 δ = 1(목표값의 척도 기준)에서 "
        "시작해 0.5~2 사이에서 조정합니다. 방향에 주의하세요. δ가 작을수록 더 많은 점의 힘을 제한하므로, "
        "이상치가 많으면 δ를 키우는 것이 아니라 줄여야 합니다.\n\n"
        "**학습률**은 MSE에서 가장 중요합니다. 기울기가 잔차에 비례해 커지므로 너무 큰 보폭은 매 에포크 더 멀리 "
        "넘어가고 결국 발산합니다. MAE의 기울기는 점마다 1을 넘지 않아 폭주하지 않지만, 보폭이 고정되어 있으면 "
        "답 근처에서 계속 흔들립니다."),
    "nav.classification": "분류 실험실",
    "home.classification": "1:1부터 1:1000까지의 클래스 불균형에서 가중 교차 엔트로피와 포컬 손실을 나란히 학습합니다.",
    "classification.title": "분류 실험실",
    "classification.intro": ("선택한 방법마다 같은 불균형 데이터에서 같은 로지스틱 모델을 학습합니다. 불균형 비율을 "
                             "움직이며 어떤 방법이 소수 클래스를 여전히 찾아내는지, 학습에 쓰지 않은 검증 데이터로 "
                             "확인해 보세요."),
    "classification.n": "데이터 개수 (학습 + 검증)",
    "classification.n_help": "클래스마다 30 %를 검증용으로 떼어 둡니다.",
    "classification.imbalance": "불균형 (소수 1개당 다수 개수)",
    "classification.imbalance_help": "1은 균형, 100은 다수 클래스 100개당 소수 클래스 1개를 뜻합니다.",
    "classification.separation": "클래스 간 거리",
    "classification.separation_help": "두 클래스 중심 사이의 거리(표준편차 단위)입니다. 작을수록 겹칩니다.",
    "classification.seed": "난수 시드",
    "classification.seed_help": "같은 시드는 같은 데이터를 만듭니다.",
    "classification.methods": "이진 분류 방법",
    "classification.multiclass_methods": "다중 분류 방법",
    "classification.weighting": "가중 BCE: pos_weight",
    "classification.auto": "자동 (음성 ÷ 양성)",
    "classification.manual": "직접 설정",
    "method.bce": "BCE",
    "method.weighted_bce": "가중 BCE",
    "method.focal": "포컬",
    "method.hinge": "힌지",
    "method.smoothed_bce": "BCE + 레이블 스무딩",
    "method.cce": "CE",
    "method.weighted_cce": "클래스 가중 CE",
    "method.softmax_focal": "소프트맥스 포컬",
    "method.poly1": "poly-1",
    "classification.view": "보기",
    "classification.view.binary": "이진 분류: 불균형",
    "classification.view.focal": "포컬 손실 이해하기",
    "classification.view.multiclass": "다중 분류",
    "classification.view.network": "신경망",
    "classification.too_few": "이 설정으로는 데이터를 만들 수 없습니다: {message}.",
    "classification.x": "x₁",
    "classification.y": "x₂",
    "classification.majority": "다수 (0)",
    "classification.minority": "소수 (1)",
    "classification.sample": "{name}: {total}개 중 {drawn}개 표시",
    "classification.boundary": "결정 경계 (p = 0.5)",
    "classification.validation": "검증",
    "classification.history_note": "실선: 학습 손실, 점선: 검증 손실 (둘 다 시작 시점 학습 손실로 나눔).",
    "classification.report": "검증 데이터 기준: 전체 {points}개 중 소수 클래스 {minority}개.",
    "classification.recall": "재현율 (찾아낸 비율)",
    "column.method": "방법",
    "column.accuracy": "정확도",
    "column.recall": "소수 재현율",
    "column.precision": "정밀도",
    "column.tn": "참음성",
    "column.fp": "거짓양성",
    "column.fn": "거짓음성",
    "column.tp": "참양성",
    "column.f1": "F1",
    "column.pr_auc": "PR-AUC",
    "classification.sweep": "불균형 비율 스윕",
    "classification.sweep_help": ("선택한 이진 분류 방법마다 불균형 1:1, 1:3, 1:10 … 1:1000에서 학습하고(데이터 "
                                  "5,000개, 비율마다 데이터 두 벌, 나머지 설정은 위와 같음) 검증 데이터의 소수 재현율과 "
                                  "PR-AUC를 그립니다. 1:10과 1:100에 대한 조언을 시험하는 차트입니다."),
    "classification.sweep_running": "불균형 비율 일곱 가지로 모든 방법을 학습하는 중…",
    "classification.imbalance_axis": "불균형 (소수 : 다수)",
    "classification.p_t": "정답 클래스 확률 p_t",
    "classification.focal_loss": "손실",
    "classification.focal_weight": "가중치 (1 − p_t)^γ",
    "classification.focal_caption": ("왼쪽: 모델이 정답 클래스에 주는 확률에 따른 예제 하나의 손실입니다(γ = 0은 교차 "
                                     "엔트로피, 빨간 선은 현재 설정 γ = {gamma}). 오른쪽: 포컬 손실이 교차 엔트로피에 "
                                     "곱하는 계수입니다. 이미 p_t = 0.9인 예제는 교차 엔트로피의 (0.1)^γ만 남습니다. "
                                     "γ = 2이면 1 %입니다."),
    "classification.focal_settings": "α = {alpha:g}, γ = {gamma:g}",
    "classification.shares": "손실은 어디서 오는가",
    "classification.share": "전체 손실에서의 비중",
    "classification.shares_caption": ("BCE로 학습한 모델이 매긴 점수로 학습 데이터를 p_t 구간별로 묶었습니다. 교차 "
                                      "엔트로피에서는 쉬운 점(p_t가 1에 가까움)이 워낙 많아 합치면 큰 비중을 차지하고, "
                                      "포컬 손실은 그 비중을 어렵거나 틀린 점으로 옮깁니다."),
    "classification.multiclass_note": "클래스 세 개. 크기는 다수 클래스에서 그 1/불균형까지 줄어듭니다.",
    "column.class_recall": "재현율 {label}",
    "classification.class_name": "클래스 {label} ({count})",
    "classification.network_intro": ("작은 신경망(tanh 층 두 개)을 PyTorch에서 전체 배치 Adam으로 학습합니다. 손실과 "
                                     "기울기는 토치 브리지를 거친 LossViz 자체 구현입니다. 곡선 경계를 그릴 수 있고, "
                                     "학습 진행 상황을 실시간으로 보여 주며 중간에 멈출 수 있습니다."),
    "classification.network_method": "방법",
    "classification.hidden": "층별 은닉 유닛 수",
    "classification.train": "신경망 학습",
    "classification.stop": "멈춤",
    "classification.training": "학습 중: 에포크 {epoch} / {epochs}",
    "classification.stopped": "{epoch} 에포크 뒤에 멈췄습니다.",
    "classification.explain_text": (
        "**정확도가 속이는 이유.** 1:100에서 모든 점을 다수 클래스라고 답하는 모델은 정확도 99 %이지만 소수 클래스를 "
        "하나도 찾지 못합니다. 소수 재현율(찾아낸 소수 점의 비율), 정밀도(경보 중 맞은 비율), PR-AUC(임계값과 무관하게 "
        "점수가 소수 점을 얼마나 앞에 세우는지)를 보세요.\n\n"
        "**가중 BCE**는 소수 점의 손실에 pos_weight를 곱합니다. 자동 설정(음성 ÷ 양성)은 두 클래스의 전체 가중치를 "
        "같게 만듭니다. 임계값을 옮기는 효과라 재현율은 오르고 정밀도는 내려가며, 순위와 PR-AUC는 거의 그대로입니다.\n\n"
        "**포컬 손실**은 교차 엔트로피에 (1 − p_t)^γ를 곱해 이미 맞히는 점의 영향을 줄입니다. α는 클래스 가중치로, "
        "소수(양성) 클래스에 α, 다수 클래스에 1 − α가 붙습니다. 논문의 α = 0.25는 γ = 2가 이미 쉬운 배경을 눌러 둔 "
        "객체 검출에 맞춘 값입니다. 이 데이터에서 α = 0.25는 소수 클래스를 *덜* 중시하고, 재현율에 그대로 드러납니다. "
        "α를 0.75 이상으로 올려 보세요.\n\n"
        "**가이드의 조언**은 1:10 정도면 가중 교차 엔트로피로 충분하고 1:100을 넘으면 포컬 손실이 낫다고 합니다. 스윕이 "
        "이 데이터에서 이를 시험합니다. 결과는 α, γ, 클래스가 겹치는 정도에 따라 달라지니 규칙이 아니라 확인할 가설로 "
        "보세요."),
    "chart.no_plotly": "차트를 그릴 수 없습니다. 그리기 라이브러리(plotly.js)를 불러오지 못했습니다. 페이지를 새로 고쳐 보세요.",
    "notice.title": "링크에 담긴 설정 중 일부를 쓸 수 없었습니다:",
    "notice.unknown_key": "알 수 없는 설정 {key}를 무시했습니다.",
    "notice.bad_number": "{key}는 숫자여야 합니다. {value}(으)로 유지했습니다.",
    "notice.clamped": "{key} = {raw}는 [{low}, {high}] 범위를 벗어나 {value}(으)로 맞췄습니다.",
    "notice.bad_choice": "{key} = {raw}는 선택지에 없어 {value}(으)로 유지했습니다.",
    "notice.bad_item": "{key}의 {raw}는 선택지에 없어 무시했습니다.",
    "notice.rounded": "{key} = {raw}는 정수여야 해서 {value}(으)로 맞췄습니다.",
    "notice.too_long": "{key} 값이 너무 길어 무시했습니다.",
    "about.mse": ("오차를 제곱하므로 큰 오차가 손실을 지배하고, 적합선이 이상치 쪽으로 끌려갑니다. 잡음이 대략 "
                  "정규분포이고 데이터가 깨끗할 때 자연스러운 선택이며, 최적점 근처에서 기울기가 부드럽게 "
                  "줄어들어 학습이 빠르고 안정적입니다."),
    "about.mae": ("오차의 크기만큼만 비용을 매기므로 이상치도 거리만큼만 반영됩니다. 적합 결과는 중앙값을 따르며 "
                  "이상치에 강하지만, 기울기 크기가 어디서나 같고 0에서 부호가 바뀌어 최적점 근처에서 진동할 수 있습니다."),
    "about.huber": ("δ보다 작은 오차에는 제곱, 큰 오차에는 선형으로 작동해 정답 근처에서는 MSE처럼 부드럽고 "
                    "이상치에는 MAE처럼 강합니다. δ는 어디서부터 이상치로 볼지를 정하며, 크면 MSE에, 작으면 MAE에 가까워집니다."),
    "about.log_cosh": ("0 근처에서는 제곱 오차의 절반처럼, 멀리서는 절대 오차처럼 움직이고, 기울기(tanh)는 어디서나 "
                       "매끄럽고 1을 넘지 않습니다. 파라미터가 없는 Huber의 대안입니다."),
    "about.quantile": ("핀볼 손실은 평균 대신 분위수를 예측합니다. q = 0.9이면 과소 예측이 과대 예측보다 9배 비싸서 "
                       "적합선이 90번째 백분위수로 올라갑니다. 예측 구간이나 비대칭 비용이 있을 때 유용합니다."),
    "about.barron": ("형태 파라미터 α 하나로 손실 함수 가족 전체를 오갑니다. α = 2는 제곱 오차, α = 1은 "
                     "pseudo-Huber, α = 0은 Cauchy이고, 더 작아지면 손실이 포화되어 먼 이상치는 더 이상 당기지 "
                     "못합니다. 스케일 c는 가운데 이차 구간의 폭입니다."),
    "about.bce": ("베르누이 모델의 음의 로그 가능도입니다. 확신에 찬 오답은 크게, 정답은 거의 비용이 없습니다. "
                  "pos_weight는 양성의 비용을 곱해 주며, 1:10 정도의 불균형에서는 음성/양성 비율 근처로 두는 것이 "
                  "간단하면서도 강력한 기준선입니다."),
    "about.focal": ("교차 엔트로피에 (1 − p_t)^γ를 곱해, 이미 잘 맞히는 예제는 비중이 줄고 어려운 예제에 학습이 "
                    "집중됩니다. α는 두 클래스의 가중치입니다(양성 α, 음성 1 − α). 1:100 이상의 심한 불균형에서 도움이 됩니다."),
    "about.hinge": ("점수(raw score)에 대한 서포트 벡터 손실입니다. 예제가 여유 1 이상으로 올바른 쪽에 있으면 0이고, "
                    "아니면 선형으로 늘어납니다. 확실히 맞힌 예제는 전혀 기여하지 않으며, 출력은 보정된 확률이 아닌 점수입니다."),
    "about.cce": ("여러 클래스 중 하나의 정답에 대한 교차 엔트로피로, 보통 softmax 뒤에 씁니다. 클래스 가중치는 드문 "
                  "클래스의 비중을 높이고, 레이블 스무딩은 목표의 일부를 모든 클래스에 나눠 모델이 지나치게 확신하지 않게 합니다."),
    "about.softmax_focal": ("포컬 손실을 여러 클래스로 넓힌 것입니다. 샘플마다 교차 엔트로피에 (1 − p_t)^γ를 곱하고, "
                            "클래스별 가중치를 줄 수 있습니다. 쉬운 샘플은 희미해지고 어렵거나 드문 샘플은 비중을 유지합니다."),
    "about.poly1": ("교차 엔트로피에 ε(1 − p_t)를 더한 손실로, 교차 엔트로피의 다항식 전개에서 첫 항을 조절합니다. "
                    "ε가 양수면 이미 맞힌 예제도 계속 밀어 주고, 음수면 그 힘을 줄입니다."),
    "about.dice": ("예측 마스크와 정답 마스크의 Dice 계수(F1 점수)를 1에서 뺀 값입니다. 물체 크기에 비례한 겹침을 "
                   "재므로 작은 물체도 큰 물체만큼 중요하고 배경이 손실을 지배하지 못합니다. 아주 작은 마스크에서는 "
                   "기울기가 크고 불안정할 수 있습니다."),
    "about.jaccard": ("1에서 IoU(교집합/합집합)를 뺀 값입니다. IoU = Dice / (2 − Dice)이므로 같은 예측에 대해 Dice보다 "
                      "엄격합니다. 보고하는 지표가 IoU일 때 쓰기 좋습니다."),
    "about.tversky": ("거짓 양성(α)과 거짓 음성(β)에 서로 다른 값을 매기는 Dice입니다. β를 α보다 키우면 재현율이 "
                      "좋아져, 작은 병변을 놓치는 것이 오경보보다 나쁠 때 도움이 됩니다. α = β = 0.5이면 Dice입니다."),
    "about.dice_bce": ("Dice와 픽셀별 교차 엔트로피의 가중 합입니다. 교차 엔트로피는 학습 초반 모든 픽셀에 부드럽고 "
                       "크기가 적당한 기울기를 주고, Dice는 작은 전경이 배경에 묻히지 않게 합니다. 분할에서 흔한 기본값입니다."),
    "about.kl": ("데이터가 P를 따를 때 모델 Q가 추가로 치르는 비용(nat)입니다. KL(P‖Q)를 줄이면 Q가 P의 모든 "
                 "봉우리를 덮고, 반대 방향 KL(Q‖P)는 Q가 봉우리 하나에 자리 잡게 합니다. 부드러운 목표를 쓰는 "
                 "지식 증류의 손실이기도 합니다."),
    "about.triplet": ("앵커를 포지티브 쪽으로 당기고 네거티브에서는 밀어내, 네거티브가 마진 이상 더 멀어지게 합니다. "
                      "쉬운 네거티브는 기여하지 않고, 준-어려운(semi-hard)·어려운 네거티브가 학습 신호를 만듭니다."),
    "help.huber.delta": "손실이 제곱에서 선형으로 바뀌는 잔차의 크기입니다.",
    "help.quantile.q": "목표 분위수: 0.5보다 크면 과소 예측의 비용이 더 큽니다.",
    "help.barron.alpha": "형태: 2는 L2, 1은 pseudo-Huber, 0은 Cauchy, 음수는 포화됩니다.",
    "help.barron.scale": "0 주변 이차 구간의 폭 c입니다.",
    "help.bce.pos_weight": "양성 클래스의 가중치: 음성 수 / 양성 수로 두면 두 클래스가 균형을 이룹니다.",
    "help.focal.alpha": "양성 클래스의 가중치(음성은 1 − α). 0보다 작으면 가중치를 쓰지 않습니다.",
    "help.focal.gamma": "집중 강도: 잘 맞힌 예제의 비중을 얼마나 줄일지 정합니다.",
    "help.softmax_focal.gamma": "집중 강도: 잘 맞힌 예제의 비중을 얼마나 줄일지 정합니다.",
    "help.cce.label_smoothing": "목표 중 모든 클래스에 고르게 나눠 줄 비율입니다.",
    "help.poly1.epsilon": "교차 엔트로피에 더하는 (1 − p_t) 항의 가중치입니다.",
    "help.dice.smooth": "분자와 분모에 더하는 값: 빈 마스크에서도 값이 정의되고 작은 물체의 손실이 부드러워집니다.",
    "help.jaccard.smooth": "분자와 분모에 더하는 값: 빈 마스크에서도 값이 정의되고 작은 물체의 손실이 부드러워집니다.",
    "help.tversky.smooth": "분자와 분모에 더하는 값: 빈 마스크에서도 값이 정의되고 작은 물체의 손실이 부드러워집니다.",
    "help.dice_bce.smooth": "분자와 분모에 더하는 값: 빈 마스크에서도 값이 정의되고 작은 물체의 손실이 부드러워집니다.",
    "help.tversky.alpha": "거짓 양성의 비용입니다.",
    "help.tversky.beta": "거짓 음성의 비용입니다.",
    "help.dice_bce.weight": "Dice의 비중이며, 나머지는 BCE가 차지합니다.",
    "help.triplet.margin": "네거티브가 포지티브보다 얼마나 더 멀어야 하는지를 정합니다.",
}
