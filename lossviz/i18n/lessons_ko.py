"""수업(lossviz.lessons)의 한국어 문자열: 단계 패널의 말, 수업마다 제목, 단계, 질문, 보기, 그리고 측정한
답이 채워 넣는 문장."""

STRINGS = {
    # 단계 패널
    "lesson.step_of": "{steps}단계 중 {step}단계",
    "lesson.changed": "이 단계에서 바꾼 설정: {changes}.",
    "lesson.unchanged": "이 단계는 앞 단계의 설정을 그대로 씁니다.",
    "lesson.runs": "아래 실험도 대신 실행하므로 몇 초 걸립니다.",
    "lesson.read": "아래에서 주황색 테두리로 표시한 부분을 보고 답하세요. 이 단계가 바꾼 설정에도 테두리를 둘렀습니다.",
    "lesson.reveal": "답 보기",
    "lesson.previous": "← 이전",
    "lesson.next": "다음 →",
    "lesson.done": "수업 목록으로",
    "lesson.present": "발표 모드",
    "lesson.qr": "스캔하면 이 단계가 열립니다",
    "lesson.qr_alt": "이 단계 링크의 QR 코드: {address}",
    "lesson.measuring": "답을 측정하는 중…",
    "lesson.answer": "측정한 답: {choice}.",
    "lesson.right": "고른 답이 측정값과 맞습니다.",
    "lesson.not_right": "{picked}를 골랐지만 측정값은 다르게 말합니다.",
    "lesson.handout": "활동지",
    "lesson.handout_md": "Markdown ({language})",
    "lesson.handout_html": "인쇄용 페이지, A4 ({language})",
    "lesson.handout_intro": ("{steps}단계, 약 {minutes}분. 단계마다 링크를 열고 페이지가 보여 주는 것으로 질문에 답한 뒤, "
                             "'답 보기'를 눌러 LossViz가 측정한 값을 확인하세요."),
    "lesson.handout_answer": "내 답",
    "lesson.handout_link": "링크",
    "lesson.choice.yes": "예",
    "lesson.choice.no": "아니요",
    # 여러 수업의 답이 함께 쓰는 문장
    "lesson.one_data_set": "페이지가 보여 주는 데이터 세트 하나(시드 {seed})에서 잰 값입니다. 다른 시드에서는 숫자가 달라질 수 있습니다.",
    "lesson.regression.row": "{loss}의 기울기 오차는 {slope}, 절편 오차는 {intercept}입니다.",
    "lesson.classification.recall": "{method}: 소수 재현율 {value}.",
    "lesson.classification.pr_auc": "{method}: PR-AUC {value}.",
    "lesson.classification.calibration_error": "{method}: 보정 오차 {value}.",
    "lesson.classification.counts": ("데이터 세트 하나(시드 {seed})에서 잰 값입니다. 검증 데이터는 {points}개이고 그중 "
                                     "{minority}개가 소수 클래스입니다."),
    "lesson.segmentation.mask_recall": "{loss}: 임계값 0.5에서 재현율 {value}.",
    "lesson.segmentation.dice": "{loss}: 임계값 0.5에서 다이스 점수 {value}.",

    # 이상치
    "lesson.outliers.title": "이상치는 MSE를 끌어당긴다",
    "lesson.outliers.clean.title": "아직 이상치가 없을 때",
    "lesson.outliers.clean.question": "이상치가 없을 때, 세 직선 모두 기울기 오차가 0.1 안에 드나요?",
    "lesson.outliers.clean.answer": "이 데이터 세트(시드 {seed})에서 잰 값입니다. 질문이 묻는 기울기 오차의 한계는 {close}입니다.",
    "lesson.outliers.vertical.title": "다섯 점 중 하나가 이상치",
    "lesson.outliers.vertical.question": "이상치가 20%일 때, 어느 손실 함수의 직선이 정답 직선에서 가장 멀리 끝나나요?",
    "lesson.outliers.vertical.answer": "이 데이터 세트(시드 {seed})에서는 {loss}가 정답 직선에서 가장 멀리 끝났습니다.",
    "lesson.outliers.leverage.title": "x축으로 멀리 떨어진 이상치",
    "lesson.outliers.leverage.question": ("이번에는 이상치가 x축 방향으로 멀리 떨어져 있습니다(레버리지 점). MAE 직선의 기울기 오차는 "
                                          "여전히 0.5 아래인가요?"),
    "lesson.outliers.leverage.answer": ("MAE의 기울기 오차는 {slope}입니다. 실험실은 {threshold}를 넘으면 적합이 무너졌다고 봅니다. "
                                        "MAE는 먼 잔차가 당기는 힘을 제한하지만, x축으로 멀리 떨어진 점은 여전히 직선을 돌려 놓습니다."),
    "lesson.outliers.sweep.title": "데이터 세트 다섯 개로",
    "lesson.outliers.sweep.question": ("스윕은 데이터 세트 다섯 개마다 이상치 비율을 0에서 50%까지 올립니다. 어느 손실 함수가 "
                                       "가장 먼저 무너지나요?"),
    "lesson.outliers.sweep.answer": ("데이터 세트 {seeds}개에 대한 평균 오차가 {threshold}를 넘거나 실행 대부분이 발산하면 "
                                     "적합이 무너졌다고 봅니다."),

    # 후버 손실의 δ
    "lesson.huber_delta.title": "후버 손실의 δ, 올바른 방향으로",
    "lesson.huber_delta.large.title": "이상치 30%, δ = 2",
    "lesson.huber_delta.large.question": "δ = 2일 때, 후버 손실의 오차는 MAE와 MSE 중 어느 쪽에 더 가깝나요?",
    "lesson.huber_delta.near.answer": "δ = {delta}에서 후버 손실이 정답 직선과 떨어진 거리는 {loss}에 더 가깝습니다.",
    "lesson.huber_delta.small.title": "더 작은 δ",
    "lesson.huber_delta.small.question": "δ를 0.5로 낮추세요. 후버 손실의 직선이 δ = 2일 때보다 정답 직선에 더 가깝게 끝나나요?",
    "lesson.huber_delta.small.answer": ("이 데이터 세트(시드 {seed})에서 후버 손실은 δ = {delta}일 때 정답 직선에서 {now}, "
                                        "δ = {before}일 때 {then} 떨어져 끝났습니다(기울기와 절편을 함께 잰 거리)."),
    "lesson.huber_delta.top.title": "슬라이더 끝의 δ",
    "lesson.huber_delta.top.question": "δ를 10으로 올리세요. 이제 후버 손실의 오차는 MAE와 MSE 중 어느 쪽에 더 가깝나요?",
    "lesson.huber_delta.seeds.title": "데이터 세트 하나만의 일일까?",
    "lesson.huber_delta.seeds.question": ("이상치가 30%인 데이터 세트 다섯 개에서, δ = 0.5가 δ = 2보다 정답 직선에 가깝게 끝나고 "
                                          "그 차이가 퍼짐보다 큰가요?"),

    # 불균형
    "lesson.imbalance.title": "드문 클래스: 재현율과 PR-AUC",
    "lesson.imbalance.ratio_10.title": "열한 개 중 양성 하나",
    "lesson.imbalance.ratio_10.question": "1:10에서 임계값 0.5로 소수 클래스를 가장 많이 찾는(소수 재현율) 방법은 무엇인가요?",
    "lesson.imbalance.bce_100.title": "백한 개 중 양성 하나",
    "lesson.imbalance.bce_100.question": "1:100에서 가중치 없는 BCE가 소수 클래스의 절반 이상을 찾나요?",
    "lesson.imbalance.pr_auc.title": "임계값이 필요 없는 척도",
    "lesson.imbalance.pr_auc.question": ("임계값 없이 샘플의 순위를 보는 PR-AUC를 읽으세요. 가중 교차 엔트로피의 PR-AUC가 "
                                         "BCE보다 0.05 넘게 높나요?"),
    "lesson.imbalance.pr_auc.answer": "가중 교차 엔트로피의 PR-AUC에서 BCE의 값을 빼면 {gap}입니다. 질문은 {clear}를 넘는 차이를 묻습니다.",
    "lesson.imbalance.sweep.title": "시드 다섯 개, 척도 두 개",
    "lesson.imbalance.sweep.question": ("스윕은 1:100에서 시드 다섯 개로 포컬 손실과 가중 교차 엔트로피를 비교합니다. 임계값 0.5의 "
                                        "재현율과 PR-AUC가 같은 판정을 내리나요?"),

    # 포컬 손실의 γ
    "lesson.focal_gamma.title": "포컬 손실의 γ가 하는 일",
    "lesson.focal_gamma.groups": "{method}가 pₜ 구간마다 전체에서 차지하는 비중: {groups}.",
    "lesson.focal_gamma.shares": ("{method}: 전체 손실의 {easy}가 가장 쉬운 점(pₜ 0.75–1)에서, {hard}가 가장 어려운 점"
                                  "(pₜ 0–0.25)에서 옵니다."),
    "lesson.focal_gamma.bin.0": "pₜ 0–0.25 (크게 틀림)",
    "lesson.focal_gamma.bin.1": "pₜ 0.25–0.5",
    "lesson.focal_gamma.bin.2": "pₜ 0.5–0.75",
    "lesson.focal_gamma.bin.3": "pₜ 0.75–1 (쉬움)",
    "lesson.focal_gamma.gamma_0.title": "γ = 0, α = 0.5",
    "lesson.focal_gamma.gamma_0.question": ("γ = 0, α = 0.5이면 포컬 손실은 BCE의 절반입니다. 두 손실이 pₜ 구간마다 전체에서 "
                                            "같은 비중을 가져가나요?"),
    "lesson.focal_gamma.gamma_2.title": "논문이 고른 γ = 2",
    "lesson.focal_gamma.gamma_2.question": "γ = 2(α는 다시 0.25)에서, 포컬 손실은 쉬운 점에서 가져가는 비중이 BCE보다 작나요?",
    "lesson.focal_gamma.gamma_5.title": "γ = 5",
    "lesson.focal_gamma.gamma_5.question": "γ = 5에서 포컬 손실의 전체 중 가장 큰 비중을 차지하는 pₜ 구간은 어디인가요?",
    "lesson.focal_gamma.balanced.title": "균형 잡힌 클래스",
    "lesson.focal_gamma.balanced.question": "클래스가 균형(1:1)이고 γ = 2일 때도 포컬 손실은 쉬운 점에서 BCE보다 적게 가져가나요?",

    # 보정
    "lesson.calibration.title": "믿을 수 있는 확률",
    "lesson.calibration.balanced.title": "균형 잡힌 클래스",
    "lesson.calibration.balanced.question": ("클래스가 균형일 때 BCE의 보정 오차는 0.05 아래인가요(확률이 말한 만큼 실제로 "
                                             "맞나요)?"),
    "lesson.calibration.balanced.answer": "BCE의 보정 오차는 {error}입니다. 질문이 묻는 한계는 {calibrated}입니다.",
    "lesson.calibration.ratio_10.title": "1:10에서",
    "lesson.calibration.ratio_10.question": "1:10에서 확률이 가장 잘 보정된(보정 오차가 가장 낮은) 방법은 무엇인가요?",
    "lesson.calibration.ratio_100.title": "1:100에서",
    "lesson.calibration.ratio_100.question": "1:100에서 보정 오차가 가장 높은 방법은 무엇인가요?",
    "lesson.calibration.sweep.title": "1:10과 1:100에서 시드 다섯 개",
    "lesson.calibration.sweep.question": ("시드 다섯 개에서, BCE가 1:10과 1:100 모두에서 가중 교차 엔트로피보다 퍼짐을 넘을 "
                                          "만큼 더 잘 보정되나요?"),

    # 작은 물체
    "lesson.small_objects.title": "분할에서 작은 물체",
    "lesson.small_objects.one_percent.title": "물체가 이미지의 1%",
    "lesson.small_objects.one_percent.question": "전경이 1%일 때, 임계값 0.5에서 재현율이 가장 낮은 손실 함수는 무엇인가요?",
    "lesson.small_objects.large.title": "물체가 20%",
    "lesson.small_objects.large.question": "전경이 20%일 때, 임계값 0.5에서 BCE의 다이스 점수가 다이스 손실의 점수와 0.1 안으로 가까운가요?",
    "lesson.small_objects.large.answer": "질문은 다이스 점수가 {near} 안으로 가까우면 똑같이 좋다고 봅니다.",
    "lesson.small_objects.tversky.title": "트버스키 손실: 놓친 픽셀이 더 비싸다",
    "lesson.small_objects.tversky.question": ("α = 0.3, β = 0.7인 트버스키 손실은 놓친 픽셀을 잘못 찾은 픽셀보다 더 무겁게 "
                                              "셉니다. 임계값 0.5에서 재현율이 다이스 손실보다 높나요?"),
    "lesson.small_objects.sweep.title": "크기마다 시드 세 개",
    "lesson.small_objects.sweep.question": ("스윕은 시드 세 개로 물체를 이미지의 0.1%까지 줄입니다. 0.1%에서 다이스 손실이 "
                                            "BCE보다 물체를 더 많이 찾나요?"),

    "lesson.small_objects.combined.title": "다이스 + BCE",
    "lesson.small_objects.combined.question": ("흔히 다이스 손실에 BCE를 더해 씁니다. 전경 1%에서 시드 세 개로 보면, 다이스 + BCE가 "
                                               "다이스 손실만 쓸 때보다 퍼짐을 넘을 만큼 물체를 더 많이 찾나요?"),

    # KL의 방향과 증류
    "lesson.kl_direction.title": "KL의 두 방향과 증류의 온도",
    "lesson.kl_direction.both": "둘 다",
    "lesson.kl_direction.apart.title": "4만큼 떨어진 두 봉우리",
    "lesson.kl_direction.apart.question": "가우시안 하나를 봉우리 두 개에 맞춥니다. 어느 발산으로 맞춘 분포가 두 봉우리를 모두 덮나요?",
    "lesson.kl_direction.close.title": "가까워진 봉우리",
    "lesson.kl_direction.close.question": "봉우리 사이가 1.5일 때, 역방향 KL로 맞춘 분포도 두 봉우리를 모두 덮나요?",
    "lesson.kl_direction.soft.title": "T = 4의 증류",
    "lesson.kl_direction.soft.question": "온도 4에서 교사의 소프트 타깃은 T = 1일 때보다 더 넓게 퍼져 있나요(엔트로피가 더 높나요)?",
    "lesson.kl_direction.t_squared.title": "손실에 T²를 곱하는 이유",
    "lesson.kl_direction.t_squared.question": "T²를 곱하지 않으면, T = 20의 그래디언트는 T = 1일 때보다 얼마나 작아지나요?",
    "lesson.kl_direction.t_squared.none": "거의 같다",
    "lesson.kl_direction.t_squared.tens": "수십 배 작다",
    "lesson.kl_direction.t_squared.hundreds": "수백 배 작다",

    # 마이닝
    "lesson.mining.title": "어떤 트리플렛으로 학습할까",
    "lesson.mining.undecided": "이 실행들로는 판정할 수 없다",
    "lesson.mining.all.title": "모든 트리플렛",
    "lesson.mining.all.question": "모든 트리플렛으로 학습할 때, 손실이 0보다 큰(아직 학습에 쓰이는) 트리플렛의 비율이 학습하면서 줄어드나요?",
    "lesson.mining.batch_hard.title": "배치 하드",
    "lesson.mining.batch_hard.question": "배치 하드 마이닝(앵커마다 가장 어려운 음성)에서는 학습이 끝날 때도 트리플렛의 절반 넘게 쓰이나요?",
    "lesson.mining.margin.title": "더 넓은 마진",
    "lesson.mining.margin.question": "마진을 1에서 3으로 올리세요(세미하드 마이닝). 학습을 시작할 때 쓰이는 트리플렛이 더 많아지나요?",
    "lesson.mining.compare.title": "전략마다 세 번 실행",
    "lesson.mining.compare.question": "세 번 실행해서, 세미하드 마이닝이 모든 트리플렛보다 recall@1이 높나요?",

    # 손실 지형 위의 옵티마이저
    "lesson.landscape.title": "손실 지형 위의 옵티마이저",
    "lesson.landscape.valley.title": "길고 좁은 골짜기",
    "lesson.landscape.valley.question": "특성의 크기를 맞추지 않은 MSE의 긴 골짜기에서, 200단계 뒤 정답 직선에 더 가깝게 끝나는 쪽은?",
    "lesson.landscape.valley.answer": "MSE에서 {steps}단계 뒤, 경사 하강법은 정답 직선에서 {gd}, 모멘텀은 {momentum} 떨어져 끝났습니다.",
    "lesson.landscape.lr_high.title": "더 큰 학습률",
    "lesson.landscape.lr_high.question": "학습률을 0.02로 올리세요. MSE에서 경사 하강법이 발산하나요?",
    "lesson.landscape.lr_high.diverged": "학습률 {lr}에서 MSE의 경사 하강법은 {at}단계에서 발산했습니다.",
    "lesson.landscape.lr_high.kept": "학습률 {lr}에서 MSE의 경사 하강법은 발산하지 않고 정답 직선에서 {distance} 떨어져 끝났습니다.",
    "lesson.landscape.scaled.title": "특성의 크기 맞추기",
    "lesson.landscape.scaled.question": ("특성의 크기를 맞추세요(학습률은 다시 0.005). MSE에서 경사 하강법이 긴 골짜기에서보다 "
                                         "정답 직선에 더 가깝게 끝나나요?"),
    "lesson.landscape.scaled.answer": "MSE의 경사 하강법은 특성의 크기를 맞추면 정답 직선에서 {now}, 맞추지 않으면 {before} 떨어져 끝났습니다.",
    "lesson.landscape.nag.title": "손실 함수 세 개 위의 네스테로프",
    "lesson.landscape.nag.question": ("이상치 10%에서 네스테로프를 한 시작점으로 MSE, MAE, 후버 손실에 실행합니다. 정답 직선에서 "
                                      "가장 멀리 끝나는 것은?"),

    # 학습 모니터
    "lesson.monitor.title": "학습 곡선 읽기",
    "lesson.monitor.good_fit.title": "6차 다항식",
    "lesson.monitor.good_fit.question": "차트 아래의 규칙으로 보면, 이 실행은 무엇을 보여 주나요?",
    "lesson.monitor.underfitting.title": "직선 모델",
    "lesson.monitor.underfitting.question": "이제 모델은 직선입니다. 이 실행은 무엇을 보여 주나요?",
    "lesson.monitor.overfitting.title": "적은 점, 유연한 모델",
    "lesson.monitor.overfitting.question": "점은 적고 차수는 높습니다. 이 실행은 무엇을 보여 주나요?",
    "lesson.monitor.early_stop.title": "조기 종료",
    "lesson.monitor.early_stop.question": "조기 종료는 마지막 에포크보다 한참 전의, 검증 손실이 가장 낮은 모델을 남기나요?",
    "lesson.monitor.training_problem.title": "너무 큰 학습률",
    "lesson.monitor.training_problem.question": "두 곡선이 함께 치솟습니다. 이 실행은 무엇을 보여 주나요?",

    # 흔한 자료의 오류
    "lesson.mistakes.title": "흔한 자료가 틀리는 곳",
    "lesson.mistakes.bce_sign.title": "BCE 안의 부호",
    "lesson.mistakes.bce_sign.question": ("흔한 자료처럼 BCE의 두 항 사이에 빼기를 쓰면, p = 0.9로 예측한 음성 샘플의 손실은 "
                                          "얼마가 되나요?"),
    "lesson.mistakes.bce_sign.positive": "큰 양수 손실",
    "lesson.mistakes.bce_sign.negative": "음수 손실: 자신 있게 틀린 답이 보상을 받는다",
    "lesson.mistakes.cce_gradient.title": "교차 엔트로피의 그래디언트",
    "lesson.mistakes.cce_gradient.question": "정답 클래스에서 −Σ y log ŷ의 ∂L/∂ŷ는 무엇인가요?",
    "lesson.mistakes.cce_gradient.minus": "−y/ŷ (음수)",
    "lesson.mistakes.cce_gradient.ratio": "ŷ/y (양수)",
    "lesson.mistakes.focal_alpha.title": "포컬 손실의 α",
    "lesson.mistakes.focal_alpha.question": "α = 0.25에서 양성 샘플과 음성 샘플이 모두 pₜ = 0.6입니다. 어느 쪽의 손실이 더 큰가요?",
    "lesson.mistakes.focal_alpha.positive": "양성 샘플",
    "lesson.mistakes.focal_alpha.negative": "음성 샘플",
    "lesson.mistakes.focal_alpha.same": "둘이 같다",
    "lesson.mistakes.mse_example.title": "자료에 잘못 실린 MSE 값",
    "lesson.mistakes.mse_example.question": "ŷ = (2.5, 3.0, 1.8), y = (3.0, 2.8, 2.1)일 때 MSE는 어느 값인가요?",
    "lesson.mistakes.mse_example.full": "0.1267, 오차 제곱의 평균",
    "lesson.mistakes.mse_example.half": "0.0633, 흔한 자료에 실린 값",
    "lesson.mistakes.huber_delta.title": "후버 손실의 δ를 움직일 방향",
    "lesson.mistakes.huber_delta.question": "이상치가 많아지면 후버 손실의 δ를 줄여야 하나요, 키워야 하나요?",
    "lesson.mistakes.huber_delta.smaller": "줄인다",
    "lesson.mistakes.huber_delta.larger": "키운다",
    "lesson.mistakes.huber_delta.undecided": "이 데이터 세트들로는 판정할 수 없다",
    "lesson.mistakes.rising_curves.title": "함께 오르는 두 곡선",
    "lesson.mistakes.rising_curves.question": ("학습 손실과 검증 손실이 첫 에포크부터 함께 오릅니다. 모델이 너무 단순한 것인가요, "
                                               "학습에 문제가 있는 것인가요?"),
    "lesson.mistakes.rising_curves.underfitting": "모델이 너무 단순하다(과소적합)",
    "lesson.mistakes.rising_curves.training": "학습에 문제가 있다(학습률 등)",

    # 실험대
    "lesson.workbench.title": "실험대에서 만드는 내 손실 함수",
    "lesson.workbench.type.title": "손실 함수 입력하기",
    "lesson.workbench.type.question": "수식 log(1 + r**2)를 입력했습니다. 실험대가 손실 함수로서 문제를 찾나요?",
    "lesson.workbench.not_a_loss.title": "손실 함수가 아닌 것",
    "lesson.workbench.not_a_loss.question": "이번에는 수식이 r 하나뿐입니다. 실험대가 문제를 찾나요?",
    "lesson.workbench.train.title": "이 손실 함수로 학습하기",
    "lesson.workbench.train.question": "이상치가 20%인 데이터로 학습하면, 내 손실 함수가 MSE보다 정답 직선에 더 가깝게 끝나나요?",
    "lesson.workbench.huber.title": "손으로 입력한 후버 손실",
    "lesson.workbench.huber.question": ("수식은 a = 1인 후버 손실입니다. 내장된 후버 손실과 같은 직선에서 끝나나요(소수점 "
                                        "셋째 자리까지 오차가 같나요)?"),
}
