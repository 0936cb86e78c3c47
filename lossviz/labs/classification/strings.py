"""The classification lab's strings (keys classification.*), in English and Korean."""

ENGLISH = {
    "classification.sweep_real": "On real data each ratio keeps the data set's own rows (all of the majority, the minority subsampled by the seed), not the sizes above: the table under the chart lists them, and a claim resting on fewer than 20 validation minority samples per seed is not judged.",
    "classification.nav": "Classification lab",
    "classification.blurb": "Class imbalance from 1:1 to 1:1000: weighted cross-entropy and focal loss trained side by side.",
    "classification.title": "Classification lab",
    "classification.intro": ("Each chosen method trains the same logistic model on the same imbalanced data. Move the "
                             "imbalance and see which methods still find the minority class, on a validation split "
                             "the models never train on."),
    "classification.n": "points (training + validation)",
    "classification.n_help": "30 % of each class is held out for validation.",
    "classification.imbalance": "imbalance (majority per minority point)",
    "classification.imbalance_help": "1 is balanced; 100 means one minority point per hundred majority points.",
    "classification.separation": "class separation",
    "classification.separation_help": "Distance between the class centres in standard deviations: small values overlap.",
    "classification.seed": "random seed",
    "classification.seed_help": "The same seed gives the same data.",
    "classification.methods": "Binary methods",
    "classification.multiclass_methods": "Multi-class methods",
    "classification.weighting": "Weighted BCE: positive weight",
    "classification.auto": "auto (negatives ÷ positives)",
    "classification.manual": "manual",
    "classification.view": "View",
    "classification.view.binary": "Binary: imbalance",
    "classification.view.focal": "Focal loss explained",
    "classification.view.multiclass": "Multi-class",
    "classification.view.network": "Neural network",
    "classification.boundary": "decision boundary (p = 0.5)",
    "classification.history_note": "Solid: training loss; dotted: validation loss (both ÷ the training loss at the start).",
    "classification.recall": "recall (share of the class found)",
    "classification.sweep": "Imbalance sweep",
    "classification.sweep_help": ("Trains each chosen binary method at imbalance 1:1, 1:3, 1:10 … 1:1000, on five data sets per ratio "
                                  "(5,000 samples each, more at high ratios so that the validation split keeps 30 minority samples where "
                                  "the cap of 10,000 allows; at most 300 epochs per run; every other setting as above), and plots the "
                                  "minority recall, PR-AUC and calibration error on the validation split: the mean over the five, with their "
                                  "spread as error bars. It takes a few seconds; Stop in the top right corner ends it."),
    "classification.imbalance_axis": "imbalance (minority : majority)",
    "classification.p_t": "probability of the true class p<sub>t</sub>",
    "classification.focal_loss": "loss",
    "classification.focal_weight": "weight (1 − p<sub>t</sub>)<sup>γ</sup>",
    "classification.focal_caption": ("Left: the loss of one sample against the probability the model gives its true class (γ = 0 is "
                                     "cross-entropy; γ = {gamma} is your setting, drawn thick). Right: the factor focal loss multiplies "
                                     "cross-entropy by. A sample already at pₜ = 0.9 keeps (0.1)^γ of its cross-entropy: 1 % at γ = 2."),
    "classification.focal_settings": "α = {alpha:g}, γ = {gamma:g}",
    "classification.shares": "Where the loss comes from",
    "classification.share": "share of the total loss",
    "classification.shares_caption": ("The training samples as a BCE-trained model scores them, grouped by pₜ. With cross-entropy the many "
                                      "easy samples (pₜ near 1) still add up to a large share; focal loss moves the total to the hard and "
                                      "misclassified ones."),
    "classification.multiclass_note": "Three classes, sizes falling from the majority down to 1/imbalance of it.",
    "classification.class_name": "class {label} ({count})",
    "classification.network_intro": ("Unlike the other views' logistic models, this view trains a small neural network on "
                                     "the same data with {method}: two hidden layers of {hidden} tanh units and one output, "
                                     "full-batch Adam at learning rate {lr} (the sidebar's optimizer applies to the logistic "
                                     "models only). Its loss and gradient are LossViz's own, checked against PyTorch's. It can "
                                     "draw a curved boundary; training streams its progress and can be stopped."),
    "classification.network_method": "method",
    "classification.hidden": "hidden units per layer",
    "classification.train": "Train the network",
    "classification.stop": "Stop",
    "classification.training": "Training: epoch {epoch} of {epochs}",
    "classification.stopped": "Stopped after {epoch} of {epochs} epochs: the network below is the one at that point.",
    "classification.explain_text": ("**Why accuracy misleads.** At 1:100 a model that calls everything the majority is 99 % accurate and "
                                    "finds no minority sample at all. Read the minority recall (the share of minority samples found), the "
                                    "precision (the share of alarms that are right) and the PR-AUC (how well the scores rank minority "
                                    "samples first, whatever the threshold).\n\n**Weighted BCE** multiplies the loss of each minority sample "
                                    "by the positive weight; the automatic choice, negatives ÷ positives, gives both classes the same total "
                                    "weight. It moves the threshold, so recall rises and precision falls; the ranking, and with it the "
                                    "PR-AUC, barely changes.\n\n**Focal loss** multiplies cross-entropy by (1 − pₜ)^γ, so samples the model "
                                    "already gets right fade out. Its α weighs the classes: α is the weight of the minority (positive) class "
                                    "and 1 − α that of the majority. The paper's α = 0.25 pairs with γ = 2 for object detection, where γ has "
                                    "already silenced the many easy background samples; on this data α = 0.25 weighs the minority *less*, "
                                    "and the recall shows it. Try α near 0.75 or above.\n\n**The guide's advice** says weighted cross-entropy "
                                    "is enough around 1:10 and focal loss wins beyond 1:100. The imbalance sweep tests both claims on this "
                                    "data, over several seeds, and states its verdict from its own numbers: it depends on α, γ and how much "
                                    "the classes overlap."),
    "classification.verdict_rule": ("**The guide's claims, tested on two measures.** Recall at threshold 0.5 says how much of the "
                                    "minority class a model finds where it stands; PR-AUC, which needs no threshold, says how well it "
                                    "ranks the classes. On each, a claim \"A beats B\" holds when A's mean over the {seeds} seeds "
                                    "exceeds B's by more than the spread (standard deviation) of their per-seed differences, fails when "
                                    "it falls short by more than that, and is undecided in between. A verdict needs at least 20 "
                                    "minority samples per seed in validation. On this sweep:"),
    "classification.calibration_rule": ("**Calibrated probabilities, tested on calibration error.** The calibration error "
                                        "is the gap between the probability a model gives the rare class and how often "
                                        "that class turns up among the points it gives it to, averaged over ten "
                                        "probability bins by their points: 0 means its probabilities come true as often "
                                        "as they say. A claim \"A is better calibrated than B\" holds when A's mean error "
                                        "over the {seeds} seeds is below B's by more than the spread of their per-seed "
                                        "differences, fails when it is above by more than that, and is undecided in "
                                        "between. On this sweep:"),
    "classification.more_points": ("At {ratio} a data set of {n} samples leaves too few minority samples to split into training and "
                                   "validation (at least 2 in each), so this one has {used}."),
    "classification.picture": "Two classes of points at 1:10, the rare class in vermilion",
}

KOREAN = {
    "classification.sweep_real": "실제 데이터에서는 비율마다 위의 크기가 아니라 데이터에 있는 행을 씁니다(다수 클래스는 모두, 소수 클래스는 시드로 뽑은 일부). 차트 아래 표에 그 수가 나오며, 시드마다 검증 소수 샘플이 20개보다 적으면 판정하지 않습니다.",
    "classification.nav": "분류 실험실",
    "classification.blurb": "1:1부터 1:1000까지의 클래스 불균형에서 가중 교차 엔트로피와 포컬 손실을 나란히 학습합니다.",
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
    "classification.multiclass_methods": "다중 클래스 분류 방법",
    "classification.weighting": "가중 교차 엔트로피: 양성 가중치",
    "classification.auto": "자동 (음성 ÷ 양성)",
    "classification.manual": "직접 설정",
    "classification.view": "보기",
    "classification.view.binary": "이진 분류: 불균형",
    "classification.view.focal": "포컬 손실 이해하기",
    "classification.view.multiclass": "다중 클래스 분류",
    "classification.view.network": "신경망",
    "classification.boundary": "결정 경계 (p = 0.5)",
    "classification.history_note": "실선: 학습 손실, 점선: 검증 손실 (둘 다 시작 시점 학습 손실로 나눔).",
    "classification.recall": "재현율 (찾아낸 비율)",
    "classification.sweep": "불균형 비율 스윕",
    "classification.sweep_help": ("선택한 이진 분류 방법마다 불균형 1:1, 1:3, 1:10 … 1:1000에서 비율마다 데이터 다섯 벌로 학습하고(데이터 5,000개, 높은 비율에서는 상한 10,000개 안에서 검증 "
                                  "데이터에 소수 샘플이 30개 남도록 늘림, 실행마다 최대 300 에포크, 나머지 설정은 위와 같음), 검증 데이터의 소수 재현율, PR-AUC, 보정 오차를 그립니다. 선은 다섯 벌의 평균이고, "
                                  "오차 막대는 그 퍼진 정도입니다. 몇 초 걸리며, 오른쪽 위의 Stop으로 멈출 수 있습니다."),
    "classification.imbalance_axis": "불균형 (소수 : 다수)",
    "classification.p_t": "정답 클래스 확률 p<sub>t</sub>",
    "classification.focal_loss": "손실",
    "classification.focal_weight": "가중치 (1 − p<sub>t</sub>)<sup>γ</sup>",
    "classification.focal_caption": ("왼쪽: 모델이 정답 클래스에 주는 확률에 따른 샘플 하나의 손실입니다(γ = 0은 교차 엔트로피, 굵은 선은 현재 설정 γ = {gamma}). 오른쪽: 포컬 손실이 교차 엔트로피에 "
                                     "곱하는 계수입니다. 이미 pₜ = 0.9인 샘플은 교차 엔트로피의 (0.1)^γ만 남습니다. γ = 2이면 1 %입니다."),
    "classification.focal_settings": "α = {alpha:g}, γ = {gamma:g}",
    "classification.shares": "손실은 어디서 오는가",
    "classification.share": "전체 손실에서의 비중",
    "classification.shares_caption": ("이진 교차 엔트로피로 학습한 모델이 매긴 점수로 학습 샘플을 pₜ 구간별로 묶었습니다. 교차 엔트로피에서는 쉬운 샘플(pₜ가 1에 가까움)이 워낙 많아 합치면 큰 비중을 차지하고, 포컬 "
                                      "손실은 그 비중을 어렵거나 틀린 샘플로 옮깁니다."),
    "classification.multiclass_note": "클래스 세 개. 크기는 다수 클래스에서 그 1/불균형까지 줄어듭니다.",
    "classification.class_name": "클래스 {label} ({count})",
    "classification.network_intro": ("다른 보기의 로지스틱 모델과 달리, 이 보기는 같은 데이터에서 {method}(으)로 작은 신경망을 "
                                     "학습합니다. 은닉층 두 개(각각 tanh 유닛 {hidden}개)와 출력 하나로 이루어지고, 학습률 {lr}의 전체 "
                                     "배치 Adam으로 학습합니다(사이드바의 옵티마이저는 로지스틱 모델에만 쓰입니다). 손실과 그래디언트는 "
                                     "LossViz 자체 구현이며 PyTorch의 것과 대조해 확인했습니다. 곡선 경계를 그릴 수 있고, 학습 "
                                     "진행이 실시간으로 보이며 도중에 멈출 수 있습니다."),
    "classification.network_method": "방법",
    "classification.hidden": "층별 은닉 유닛 수",
    "classification.train": "신경망 학습",
    "classification.stop": "멈춤",
    "classification.training": "학습 중: 에포크 {epoch} / {epochs}",
    "classification.stopped": "{epochs} 에포크 중 {epoch} 에포크에서 멈췄습니다. 아래 신경망은 멈춘 시점의 것입니다.",
    "classification.explain_text": ("**정확도가 속이는 이유.** 1:100에서 모든 샘플을 다수 클래스라고 답하는 모델은 정확도 99 %이지만 소수 클래스를 하나도 찾지 못합니다. 소수 재현율(찾아낸 소수 샘플의 "
                                    "비율), 정밀도(경보 중 맞은 비율), PR-AUC(임계값과 무관하게 점수가 소수 샘플을 얼마나 앞에 세우는지)를 보세요.\n\n**가중 교차 엔트로피**는 소수 샘플의 손실에 양성 "
                                    "가중치를 곱합니다. 자동 설정(음성 ÷ 양성)은 두 클래스의 전체 가중치를 같게 만듭니다. 임계값을 옮기는 효과라 재현율은 오르고 정밀도는 내려가며, 순위와 PR-AUC는 거의 "
                                    "그대로입니다.\n\n**포컬 손실**은 교차 엔트로피에 (1 − pₜ)^γ를 곱해 이미 맞히는 샘플의 영향을 줄입니다. α는 클래스 가중치로, 소수(양성) 클래스에 α, 다수 클래스에 1 "
                                    "− α가 붙습니다. 논문의 α = 0.25는 γ = 2가 이미 쉬운 배경을 눌러 둔 객체 검출에 맞춘 값입니다. 이 데이터에서 α = 0.25는 소수 클래스를 *덜* 중시하고, 재현율에 "
                                    "그대로 드러납니다. α를 0.75 이상으로 올려 보세요.\n\n**가이드의 조언**은 1:10 정도면 가중 교차 엔트로피로 충분하고 1:100을 넘으면 포컬 손실이 낫다고 합니다. 불균형 "
                                    "비율 스윕이 이 데이터에서 여러 시드로 두 주장을 시험하고, 자기 숫자로 판정을 내립니다. 결과는 α, γ, 클래스가 겹치는 정도에 따라 달라집니다."),
    "classification.verdict_rule": ("**가이드의 주장을 두 지표로 시험합니다.** 임계값 0.5의 재현율은 모델이 지금 서 있는 자리에서 소수 클래스를 "
                                    "얼마나 찾는지, 임계값이 필요 없는 PR-AUC는 클래스의 순서를 얼마나 잘 매기는지를 말합니다. 지표마다 "
                                    "'A가 B보다 낫다'는 주장은 시드 {seeds}개에 걸친 A의 평균이 B보다 시드별 차이의 퍼진 정도(표준편차) "
                                    "이상 높으면 성립, 그만큼 낮으면 불성립, 그 사이면 판정 보류입니다. 판정하려면 시드마다 검증 소수 "
                                    "샘플이 20개 이상 있어야 합니다. 이번 스윕의 결과:"),
    "classification.calibration_rule": ("**보정된 확률인지, 보정 오차로 시험했습니다.** 보정 오차는 모델이 드문 클래스에 준 확률과, "
                                        "그 확률을 받은 샘플 가운데 실제로 드문 클래스인 비율의 차이를 확률 구간 열 개에서 "
                                        "샘플 수로 가중 평균한 값입니다. 0이면 모델이 말한 확률이 말한 만큼 실제로 맞습니다. "
                                        "\"A가 B보다 잘 보정되어 있다\"는 주장은 시드 {seeds}개에서 A의 평균 오차가 B보다 "
                                        "시드별 차이의 퍼진 정도 이상으로 작으면 맞고, 그만큼 크면 틀리며, 그 사이면 판정하지 "
                                        "않습니다. 이번 스윕의 결과:"),
    "classification.more_points": ("{ratio}에서는 샘플 {n}개로 만든 데이터에 소수 샘플이 너무 적어 학습용과 검증용으로 나눌 수 없습니다(각각 최소 2개). 그래서 이 데이터는 샘플 {used}개로 만들었습니다."),
    "classification.picture": "1:10으로 섞인 두 클래스의 점, 드문 클래스는 주황빛 빨강",
}
