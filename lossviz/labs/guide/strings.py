"""The guide lab's strings (keys guide.*), in English and Korean."""

ENGLISH = {
    "guide.measured_real": "The same measurement on {source}, with the same rule and seeds: does the real data agree?",
    "guide.nav": "Choosing a loss",
    "guide.blurb": "Three questions about your task and data, an answer with its code, and the experiment that "
                  "shows why; the guide's tables, FAQ and lessons, each one link from its evidence.",
    "guide.title": "Choosing a loss",
    "guide.intro": ("Answer three questions. The answer names a loss, says why and where it fails, gives the code, "
                    "and opens the experiment that shows it: every link carries the page and its settings, so you can "
                    "copy it into a lesson."),
    "guide.task.number": "a number",
    "guide.task.class": "one of two classes",
    "guide.task.classes": "one of several classes",
    "guide.task.mask": "a mask (segmentation)",
    "guide.task.distribution": "a distribution",
    "guide.task.embedding": "an embedding",
    "guide.data.clean": "no outliers",
    "guide.data.outliers": "some outliers",
    "guide.data.balanced": "balanced classes",
    "guide.data.imbalance_10": "imbalance up to 1:10",
    "guide.data.imbalance_100": "imbalance of 1:100 or more",
    "guide.data.imbalanced": "a rare class",
    "guide.data.small": "small objects",
    "guide.data.large": "large objects",
    "guide.data.target": "a target distribution to match",
    "guide.data.labelled": "items labelled by class",
    "guide.priority.every_error": "every large error counts",
    "guide.priority.robustness": "robustness to bad points",
    "guide.priority.accuracy": "overall accuracy",
    "guide.priority.minority_recall": "finding the rare class",
    "guide.priority.calibration": "well-calibrated probabilities",
    "guide.priority.overlap": "the object's outline",
    "guide.priority.cover_modes": "covering every mode",
    "guide.priority.one_mode": "one sharp mode",
    "guide.priority.separation": "similar items close, others apart",
    "guide.answer": "Use {names}",
    "guide.either": " or ",
    "guide.open": "Open the experiment: {what}",
    "guide.open_short": "open",
    "guide.code": "Code",
    "guide.framework.pytorch": "PyTorch",
    "guide.framework.keras": "Keras",
    "guide.rec.mse.why": ("Without outliers, MSE's gradient shrinks as the fit improves, so descent settles quickly, "
                          "and its minimum is the most likely line under Gaussian noise."),
    "guide.rec.mse.caveat": "A few outliers pull it a long way: look at the residuals before you trust it.",
    "guide.rec.huber.why": ("Huber's pull on a point is capped at δ and MAE's at 1, so distant points cannot drag the "
                            "line. Near the fit Huber stays quadratic and settles smoothly, where MAE's constant "
                            "gradient keeps stepping."),
    "guide.rec.huber.caveat": ("δ is where the cap starts, in the target's units: a smaller δ caps more points and is "
                               "the more robust choice. Outliers all on one side still shift the intercept a little."),
    "guide.rec.mse_outliers.why": "If the large errors are real and costly, MSE weighs them most.",
    "guide.rec.mse_outliers.caveat": "Then the outliers pull the line toward them: the experiment shows how far.",
    "guide.rec.bce.why": ("BCE is the negative log-likelihood of a yes/no label: its expected value is lowest when the "
                          "predicted probability equals the true one."),
    "guide.rec.bce.caveat": "When one class is rare, plain BCE favours the other: see the imbalance experiments.",
    "guide.rec.bce_imbalanced.why": ("Plain BCE fits every point alike, which favours the common class: overall "
                                     "accuracy stays high."),
    "guide.rec.bce_imbalanced.caveat": "Recall of the rare class falls as the imbalance grows: the lab's table shows it.",
    "guide.rec.bce_calibrated.why": ("BCE is the negative log-likelihood of a yes/no label: its expected value is lowest "
                                     "when the predicted probability equals the true one, imbalanced or not. Class weights "
                                     "and focal loss change what the model is pulled toward, and with it the meaning of "
                                     "its probabilities. The lab's imbalance sweep measures each method's calibration "
                                     "error over five seeds per ratio and says which is better calibrated."),
    "guide.rec.bce_calibrated.caveat": ("Calibrated is not the same as finding the rare class: in the same sweep, compare "
                                        "the minority recall of plain BCE with that of weighted BCE."),
    "guide.rec.weighted_bce.why": ("Weighting the rare class's term by the class ratio makes both classes weigh the same "
                                   "in the loss; the lab's automatic weight is the ratio of negatives to positives."),
    "guide.rec.weighted_bce.caveat": "Precision falls as recall rises; the imbalance sweep measures the trade over seeds.",
    "guide.rec.weighted_or_focal.why": ("Common advice says focal loss beyond 1:100. Compare weighted BCE and focal on "
                                        "the same data: the lab's imbalance sweep gives a verdict from several seeds, "
                                        "with the number of rare samples it rests on."),
    "guide.rec.weighted_or_focal.caveat": ("Focal's α multiplies the positive class's term: the paper's α = 0.25 gives "
                                           "rare positives a quarter of the weight; γ does the rebalancing."),
    "guide.rec.cce.why": ("Softmax cross-entropy is the likelihood of one class among several; its gradient with "
                          "respect to the logits is p − y."),
    "guide.rec.cce.caveat": "With a rare class it behaves like plain BCE: that class's recall falls.",
    "guide.rec.weighted_cce.why": ("Weight each class's term by its inverse frequency, or use softmax focal loss; the "
                                   "multi-class view trains both on a 1:10 set and shows every class's recall."),
    "guide.rec.weighted_cce.caveat": "Weights raise the rare classes' recall at the cost of the common ones' precision.",
    "guide.rec.dice_bce.why": ("Dice scores the overlap of the predicted and true masks, so a tiny object counts as "
                               "much as the background; BCE adds a smooth per-pixel gradient that helps early on."),
    "guide.rec.dice_bce.caveat": ("Dice alone is unsteady when a mask is nearly empty; its smoothing term and the BCE "
                                  "share keep it finite. The FAQ measures the share."),
    "guide.rec.dice_bce_large.why": ("With large objects, per-pixel BCE already sees plenty of foreground; Dice + BCE "
                                     "stays a safe default."),
    "guide.rec.dice_bce_large.caveat": "Compare it with BCE alone at this fraction in the lab's table.",
    "guide.rec.forward_kl.why": ("Forward KL(p‖q) charges the fit q for missing any part of p: it spreads over every "
                                 "mode."),
    "guide.rec.forward_kl.caveat": "It may put mass between the modes, where p has none.",
    "guide.rec.reverse_kl.why": "Reverse KL(q‖p) charges q for mass where p has little: it settles on one mode.",
    "guide.rec.reverse_kl.caveat": "It may ignore the other modes entirely.",
    "guide.rec.triplet.why": ("The triplet loss pulls an anchor toward a positive and pushes a negative at least a "
                              "margin farther; semi-hard mining picks negatives that still teach something."),
    "guide.rec.triplet.caveat": "Training on every triplet spends most of the work on easy ones.",
    "guide.experiment.clean": "the regression lab without outliers (MSE, MAE, Huber)",
    "guide.experiment.outliers": "the regression lab at 20 % outliers (MSE, MAE, Huber)",
    "guide.experiment.huber_delta": "the regression lab at 30 % outliers with Huber δ = 2",
    "guide.experiment.switch": "the regression lab switching from MSE to MAE at epoch 50",
    "guide.experiment.balanced": "the classification lab with balanced classes",
    "guide.experiment.imbalance_10": "the classification lab at 1:10 (BCE, weighted BCE, focal)",
    "guide.experiment.imbalance_100": "the classification lab at 1:100 (BCE, weighted BCE, focal)",
    "guide.experiment.calibration": "the classification lab at 1:10, its calibration error column and sweep",
    "guide.experiment.calibration_100": "the classification lab at 1:100, its calibration error column and sweep",
    "guide.experiment.multiclass": "the multi-class view at 1:10",
    "guide.experiment.multiclass_balanced": "the multi-class view with balanced classes",
    "guide.experiment.small_objects": "the segmentation lab at 1 % foreground",
    "guide.experiment.large_objects": "the segmentation lab at 20 % foreground",
    "guide.experiment.dice_bce_weight": "the segmentation lab with Dice + BCE at weight 0.5",
    "guide.experiment.kl_direction": "the distributions lab: forward and reverse KL",
    "guide.experiment.triplet": "the embeddings lab with semi-hard mining",
    "guide.experiment.gaussian_nll": "the gallery with MSE and Gaussian NLL",
    "guide.table": "The guide's decision table",
    "guide.table_help": ("One row per situation: the common advice, what the experiment in LossViz shows, and a link "
                         "that opens it."),
    "guide.verdict.agrees": "Agrees.",
    "guide.verdict.disagrees": "Corrected.",
    "guide.verdict.measured": "Measured, not assumed.",
    "guide.table.clean.situation": "regression, no outliers",
    "guide.table.clean.advice": "MSE",
    "guide.table.clean.shows": "Every loss finds the true line; the table gives each one's distance from it.",
    "guide.table.outliers.situation": "regression with outliers",
    "guide.table.outliers.advice": "MAE or Huber",
    "guide.table.outliers.shows": "MSE is pulled toward the outliers; MAE and Huber stay with the bulk of the data.",
    "guide.table.huber_delta.situation": "Huber's δ with more outliers",
    "guide.table.huber_delta.advice": "a larger δ",
    "guide.table.huber_delta.shows": ("The other way round: a smaller δ caps the pull of more points. FAQ Q3 "
                                      "measures both."),
    "guide.table.binary.situation": "two classes",
    "guide.table.binary.advice": "BCE",
    "guide.table.binary.shows": "BCE beside its variants on balanced data, with each one's recall and precision.",
    "guide.table.multiclass.situation": "several classes",
    "guide.table.multiclass.advice": "categorical cross-entropy",
    "guide.table.multiclass.shows": "Softmax cross-entropy beside its variants, with every class's recall.",
    "guide.table.multilabel.situation": "several labels per item",
    "guide.table.multilabel.advice": "BCE on each label",
    "guide.table.multilabel.shows": ("PyTorch's multi-label soft margin loss is BCE on each label's logit: the "
                                     "gallery draws the two curves on top of each other."),
    "guide.table.imbalance_10.situation": "imbalance up to 1:10",
    "guide.table.imbalance_10.advice": "weighted cross-entropy",
    "guide.table.imbalance_10.shows": "The imbalance sweep tests whether weighting raises the rare class's recall.",
    "guide.table.imbalance_100.situation": "imbalance of 1:100 or more",
    "guide.table.imbalance_100.advice": "focal loss",
    "guide.table.imbalance_100.shows": ("The sweep compares focal loss with weighted BCE over several seeds and says "
                                        "which way it went, and on how few rare samples (FAQ Q2)."),
    "guide.table.calibration.situation": "you need probabilities to act on (risk scores)",
    "guide.table.calibration.advice": "plain cross-entropy, without class weights or focal loss",
    "guide.table.calibration.shows": ("The sweep measures each method's calibration error at every ratio and says, "
                                      "over five seeds, whether plain BCE is better calibrated."),
    "guide.table.segmentation.situation": "segmentation, small objects",
    "guide.table.segmentation.advice": "Dice, or Dice + BCE",
    "guide.table.segmentation.shows": "At 1 % foreground, compare what BCE, Dice and Dice + BCE find.",
    "guide.table.distributions.situation": "matching a distribution",
    "guide.table.distributions.advice": "KL divergence",
    "guide.table.distributions.shows": "Its direction matters: forward KL covers the modes, reverse KL picks one.",
    "guide.table.embeddings.situation": "embeddings for similarity",
    "guide.table.embeddings.advice": "triplet loss",
    "guide.table.embeddings.shows": "Which triplets you train on matters as much: the lab compares mining strategies.",
    "guide.faq": "Frequently asked questions",
    "guide.faq.cross_entropy_regression.question": "Can cross-entropy be used for regression?",
    "guide.faq.cross_entropy_regression.answer": (
        "Common sources say no. In fact MSE is a cross-entropy: the negative log-likelihood of a Gaussian model "
        "with a fixed variance, up to a constant and a factor ½. What does not suit regression is binary or "
        "categorical cross-entropy, which expect probabilities or classes as targets."),
    "guide.faq.weighted_or_focal.question": "With a strong class imbalance, weighted cross-entropy or focal loss?",
    "guide.faq.weighted_or_focal.answer": (
        "The usual rule: weighted cross-entropy up to about 1:10, focal loss from 1:100. Treat it as a hypothesis. "
        "The button runs the classification lab's imbalance sweep (BCE, weighted BCE and focal at seven ratios, "
        "several seeds each) and says whether each half of the rule held here."),
    "guide.faq.huber_delta.question": "How do I choose Huber's δ?",
    "guide.faq.huber_delta.answer": (
        "δ is the residual size where Huber turns from squared to absolute, in the target's units. Start near the "
        "noise level of the clean data (the regression lab's rule-of-thumb button sets δ from it). With more "
        "outliers, lower δ: fewer points then get the squared, unbounded pull. Some sources say the opposite."),
    "guide.faq.switching.question": "Can I switch the loss during training?",
    "guide.faq.switching.answer": (
        "Yes. A new loss is a new objective, descended from where the weights stand; on a convex problem the run "
        "then heads where the second loss alone would go. The regression lab's switch section trains MSE for some "
        "epochs, then MAE, beside each of them alone."),
    "guide.faq.combining.question": "Can I combine losses, and how do I weight them?",
    "guide.faq.combining.answer": (
        "Yes: a weighted sum such as w × Dice + (1 − w) × BCE is a loss whose gradient is the same weighted sum. The "
        "weight is a setting to measure, not to guess: the button trains Dice + BCE at five weights on small objects (1 % foreground), several data sets each."),
    "guide.measure": "Measure it here",
    "guide.measured_intro": "Measured now, from the app's own runs:",
    "guide.measured.gaussian_nll": ("On the gallery's {points} residuals, Gaussian NLL with variance 1 differs from "
                                    "half of MSE by at most {gap}, and its gradient from half of MSE's by at most "
                                    "{slope_gap}."),
    "guide.measured.dice_bce": ("At {fraction} foreground ({size} × {size} images) and over {seeds} data sets, the "
                                "validation Dice score at threshold 0.5 by Dice's share of the sum (mean ± spread over "
                                "the data sets): {scores}. Share 0 is BCE alone, share 1 Dice alone."),
    "guide.measured.dice_bce_best": ("The guide's share, {guide}, scored the highest mean ({best_mean}), at these "
                                     "settings only."),
    "guide.measured.dice_bce.holds": ("Share {best} scored the highest mean, {best_mean} against {guide_mean} for the "
                                      "guide's {guide}, a gap larger than the spread of their per-seed differences "
                                      "({spread}): at these settings the share matters, so measure it on your data."),
    "guide.measured.dice_bce.undecided": ("Share {best} scored the highest mean, {best_mean} against {guide_mean} for "
                                          "the guide's {guide}, but the gap is within the spread of their per-seed "
                                          "differences ({spread}): {seeds} data sets cannot tell the two apart."),
    "guide.measured.dice_bce.fails": ("Share {best} scored the highest mean, {best_mean} against {guide_mean} for the "
                                      "guide's {guide}; per seed it did not beat it by more than the spread ({spread})."),
    "guide.hybrids": "Hybrid losses",
    "guide.hybrids_help": ("A hybrid is a weighted sum of losses, as Dice + BCE in the code below (in the framework "
                           "chosen above); its gradient is the same weighted sum of the losses' gradients."),
    "guide.hybrid.dice_bce": "Dice + BCE: the overlap from Dice, a smooth per-pixel gradient from BCE.",
    "guide.hybrid.focal_tversky": ("Focal Tversky is not a sum of focal loss and Dice: it raises the Tversky loss, "
                                   "1 − TI, to a power γ, which changes how much images that are poorly or almost "
                                   "right weigh."),
    "guide.hybrid_untrained": "No lab here trains it:",
    "guide.hybrid_train": "train it",
    "guide.hybrid_draw": "draw it in the gallery",
    "guide.lessons": "Lessons for a class",
    "guide.lessons_help": ("Each lesson plays step by step: a step opens its lab with the settings it needs, asks a "
                           "question, and shows the answer the lab measures. Presenter mode fits a projector, and its "
                           "QR code opens the same step on a phone; each lesson has a handout to print."),
}

KOREAN = {
    "guide.measured_real": "같은 측정을 같은 규칙과 시드로 {source}에서 한 결과입니다. 실제 데이터에서도 결론이 같은지 보세요.",
    "guide.nav": "손실 함수 고르기",
    "guide.blurb": "과제와 데이터에 대한 세 가지 질문에 답하면 쓸 손실 함수와 코드, 그리고 그 이유를 보여 주는 실험이 나옵니다. "
                  "결정표, 자주 묻는 질문, 수업용 링크도 모두 근거가 되는 실험으로 바로 이어집니다.",
    "guide.title": "손실 함수 고르기",
    "guide.intro": ("세 가지 질문에 답해 보세요. 답에는 추천 손실 함수와 그 이유, 약점, 코드가 나오고, 그것을 직접 확인하는 실험이 "
                    "링크로 붙습니다. 링크에는 페이지와 설정이 모두 담기므로 그대로 복사해 수업 자료에 넣을 수 있습니다."),
    "guide.task.number": "숫자",
    "guide.task.class": "두 클래스 중 하나",
    "guide.task.classes": "여러 클래스 중 하나",
    "guide.task.mask": "마스크(분할)",
    "guide.task.distribution": "확률 분포",
    "guide.task.embedding": "임베딩",
    "guide.data.clean": "이상치 없음",
    "guide.data.outliers": "이상치 있음",
    "guide.data.balanced": "클래스가 고르게 섞임",
    "guide.data.imbalance_10": "1:10까지의 불균형",
    "guide.data.imbalance_100": "1:100 이상의 불균형",
    "guide.data.imbalanced": "드문 클래스가 있음",
    "guide.data.small": "작은 물체",
    "guide.data.large": "큰 물체",
    "guide.data.target": "맞춰야 할 목표 분포가 있음",
    "guide.data.labelled": "클래스가 붙은 항목",
    "guide.priority.every_error": "큰 오차 하나하나가 중요함",
    "guide.priority.robustness": "나쁜 데이터에 흔들리지 않음",
    "guide.priority.accuracy": "전체 정확도",
    "guide.priority.minority_recall": "드문 클래스를 찾아내기",
    "guide.priority.calibration": "잘 보정된 확률",
    "guide.priority.overlap": "물체의 윤곽",
    "guide.priority.cover_modes": "모든 봉우리를 덮기",
    "guide.priority.one_mode": "봉우리 하나를 또렷하게",
    "guide.priority.separation": "비슷한 것은 가깝게, 다른 것은 멀게",
    "guide.answer": "추천: {names}",
    "guide.either": " 또는 ",
    "guide.open": "실험 열기: {what}",
    "guide.open_short": "열기",
    "guide.code": "코드",
    "guide.framework.pytorch": "PyTorch",
    "guide.framework.keras": "Keras",
    "guide.rec.mse.why": ("이상치가 없으면 MSE의 그래디언트는 적합이 좋아질수록 작아져 경사 하강이 빨리 자리를 잡고, 최솟값은 "
                          "가우스 잡음 아래에서 가장 그럴듯한 직선입니다."),
    "guide.rec.mse.caveat": "이상치 몇 개만 있어도 멀리 끌려갑니다. 믿기 전에 잔차부터 살펴보세요.",
    "guide.rec.huber.why": ("후버 손실은 샘플 하나가 당기는 힘을 δ에서, MAE는 1에서 끊기 때문에 멀리 떨어진 샘플이 직선을 끌고 가지 "
                            "못합니다. 적합 근처에서 후버 손실은 제곱 꼴이라 부드럽게 자리를 잡지만, MAE는 그래디언트 크기가 "
                            "일정해 계속 흔들립니다."),
    "guide.rec.huber.caveat": ("δ는 목표값 단위로 잰, 힘이 끊기기 시작하는 잔차 크기입니다. δ가 작을수록 더 많은 샘플의 힘을 끊으므로 "
                               "더 강건합니다. 이상치가 모두 한쪽에 있으면 절편은 여전히 조금 밀립니다."),
    "guide.rec.mse_outliers.why": "큰 오차가 진짜이고 비용도 크다면, 그런 오차를 가장 무겁게 다루는 것이 MSE입니다.",
    "guide.rec.mse_outliers.caveat": "그 대신 이상치가 직선을 자기 쪽으로 끌어당깁니다. 얼마나 끌려가는지 실험에서 확인하세요.",
    "guide.rec.bce.why": ("BCE는 예/아니오 레이블의 음의 로그 가능도입니다. 예측 확률이 실제 확률과 같을 때 기댓값이 가장 "
                          "작습니다."),
    "guide.rec.bce.caveat": "한 클래스가 드물면 BCE는 다른 클래스 쪽으로 기웁니다. 불균형 실험을 함께 보세요.",
    "guide.rec.bce_imbalanced.why": ("BCE는 모든 샘플을 똑같이 맞추려 하므로 흔한 클래스 쪽으로 기울고, 그래서 전체 정확도는 "
                                     "높게 유지됩니다."),
    "guide.rec.bce_imbalanced.caveat": "불균형이 커질수록 드문 클래스의 재현율이 떨어집니다. 실험실의 표에 나옵니다.",
    "guide.rec.bce_calibrated.why": ("BCE는 예/아니오 레이블의 음의 로그 가능도입니다. 불균형이 있든 없든, 예측 확률이 실제 "
                                     "확률과 같을 때 기댓값이 가장 작습니다. 클래스 가중치나 포컬 손실은 모델이 끌려가는 "
                                     "목표를 바꾸고, 그와 함께 확률의 뜻도 바꿉니다. 실험실의 불균형 스윕이 비율마다 시드 "
                                     "다섯 개로 방법마다 보정 오차를 재고, 어느 쪽이 더 잘 보정되어 있는지 판정합니다."),
    "guide.rec.bce_calibrated.caveat": ("잘 보정된 확률이 드문 클래스를 잘 찾는다는 뜻은 아닙니다. 같은 스윕에서 BCE와 가중 교차 "
                                        "엔트로피의 소수 재현율을 비교해 보세요."),
    "guide.rec.weighted_bce.why": ("가중 교차 엔트로피는 드문 클래스의 항에 클래스 비율만큼 가중치를 주어 두 클래스가 손실에서 같은 "
                                   "무게를 갖게 합니다. 실험실의 자동 가중치는 음성 수를 양성 수로 나눈 값입니다."),
    "guide.rec.weighted_bce.caveat": "재현율이 오르는 만큼 정밀도는 내려갑니다. 불균형 스윕이 여러 시드에서 그 교환을 잽니다.",
    "guide.rec.weighted_or_focal.why": ("흔히 1:100을 넘으면 포컬 손실을 쓰라고 합니다. 같은 데이터에서 가중 교차 엔트로피와 포컬 "
                                        "손실을 비교해 보세요. 실험실의 불균형 스윕이 여러 시드의 결과로 판정을 내리고, 그 판정이 "
                                        "드문 클래스 샘플 몇 개에 기대고 있는지도 알려 줍니다."),
    "guide.rec.weighted_or_focal.caveat": ("포컬 손실의 α는 양성 클래스의 항에 곱해집니다. 논문의 α = 0.25는 드문 양성에 4분의 1의 "
                                           "무게를 줍니다. 균형을 잡는 것은 γ입니다."),
    "guide.rec.cce.why": ("소프트맥스 교차 엔트로피는 여러 클래스 중 하나일 가능도입니다. 로짓에 대한 그래디언트는 p − y입니다."),
    "guide.rec.cce.caveat": "드문 클래스가 있으면 BCE와 마찬가지로 그 클래스의 재현율이 떨어집니다.",
    "guide.rec.weighted_cce.why": ("클래스마다 빈도의 역수로 가중치를 주거나 소프트맥스 포컬 손실을 쓰세요. 다중 클래스 화면에서 "
                                   "1:10 데이터로 둘 다 학습하고 클래스마다 재현율을 보여 줍니다."),
    "guide.rec.weighted_cce.caveat": "가중치는 드문 클래스의 재현율을 올리는 대신 흔한 클래스의 정밀도를 깎습니다.",
    "guide.rec.dice_bce.why": ("다이스 손실은 예측 마스크와 정답 마스크가 겹치는 정도를 재므로 작은 물체도 배경만큼 중요하게 "
                               "다룹니다. BCE는 픽셀마다 부드러운 그래디언트를 더해 학습 초반을 돕습니다."),
    "guide.rec.dice_bce.caveat": ("마스크가 거의 비어 있으면 다이스 손실만으로는 불안정합니다. 평활 항과 BCE 몫이 값을 유한하게 "
                                  "지켜 줍니다. 그 몫은 자주 묻는 질문에서 직접 잽니다."),
    "guide.rec.dice_bce_large.why": ("물체가 크면 픽셀마다의 BCE도 전경을 충분히 봅니다. 다이스 + BCE는 여전히 무난한 "
                                     "기본값입니다."),
    "guide.rec.dice_bce_large.caveat": "이 비율에서 BCE만 쓴 경우와 실험실의 표로 비교해 보세요.",
    "guide.rec.forward_kl.why": "정방향 KL(p‖q)은 적합 q가 p의 어느 부분이라도 놓치면 벌점을 줍니다. 그래서 모든 봉우리로 퍼집니다.",
    "guide.rec.forward_kl.caveat": "p에는 없는 봉우리 사이에도 확률을 둘 수 있습니다.",
    "guide.rec.reverse_kl.why": "역방향 KL(q‖p)은 p가 거의 없는 곳에 q가 확률을 두면 벌점을 줍니다. 그래서 봉우리 하나에 자리를 잡습니다.",
    "guide.rec.reverse_kl.caveat": "다른 봉우리는 완전히 무시할 수 있습니다.",
    "guide.rec.triplet.why": ("트리플렛 손실은 앵커를 양성 쪽으로 당기고 음성을 적어도 마진만큼 더 멀리 밀어냅니다. 세미하드 "
                              "마이닝은 아직 배울 것이 남은 음성을 고릅니다."),
    "guide.rec.triplet.caveat": "모든 트리플렛으로 학습하면 대부분의 계산을 쉬운 트리플렛에 씁니다.",
    "guide.experiment.clean": "이상치 없는 회귀 실험실(MSE, MAE, 후버 손실)",
    "guide.experiment.outliers": "이상치 20 %의 회귀 실험실(MSE, MAE, 후버 손실)",
    "guide.experiment.huber_delta": "이상치 30 %, 후버 손실 δ = 2인 회귀 실험실",
    "guide.experiment.switch": "50 에포크에서 MSE를 MAE로 바꾸는 회귀 실험실",
    "guide.experiment.balanced": "클래스가 고른 분류 실험실",
    "guide.experiment.imbalance_10": "1:10 분류 실험실(BCE, 가중 교차 엔트로피, 포컬 손실)",
    "guide.experiment.imbalance_100": "1:100 분류 실험실(BCE, 가중 교차 엔트로피, 포컬 손실)",
    "guide.experiment.calibration": "1:10 분류 실험실의 보정 오차 열과 불균형 스윕",
    "guide.experiment.calibration_100": "1:100 분류 실험실의 보정 오차 열과 불균형 스윕",
    "guide.experiment.multiclass": "1:10 다중 클래스 화면",
    "guide.experiment.multiclass_balanced": "클래스가 고른 다중 클래스 화면",
    "guide.experiment.small_objects": "전경 1 %의 분할 실험실",
    "guide.experiment.large_objects": "전경 20 %의 분할 실험실",
    "guide.experiment.dice_bce_weight": "가중치 0.5의 다이스 + BCE를 쓰는 분할 실험실",
    "guide.experiment.kl_direction": "분포 실험실: 정방향과 역방향 KL",
    "guide.experiment.triplet": "세미하드 마이닝을 쓰는 임베딩 실험실",
    "guide.experiment.gaussian_nll": "MSE와 가우스 NLL을 그린 갤러리",
    "guide.table": "가이드의 결정표",
    "guide.table_help": "상황마다 한 줄씩, 흔한 조언과 LossViz 실험이 보여 주는 것, 그 실험을 여는 링크를 적었습니다.",
    "guide.verdict.agrees": "일치.",
    "guide.verdict.disagrees": "바로잡음.",
    "guide.verdict.measured": "가정하지 않고 재어 봅니다.",
    "guide.table.clean.situation": "회귀, 이상치 없음",
    "guide.table.clean.advice": "MSE",
    "guide.table.clean.shows": "모든 손실 함수가 정답 직선을 찾습니다. 표에 각자 정답 직선과의 거리가 나옵니다.",
    "guide.table.outliers.situation": "이상치가 있는 회귀",
    "guide.table.outliers.advice": "MAE 또는 후버 손실",
    "guide.table.outliers.shows": "MSE는 이상치 쪽으로 끌려가고, MAE와 후버 손실은 데이터 대부분 곁에 남습니다.",
    "guide.table.huber_delta.situation": "이상치가 많을 때 후버 손실의 δ",
    "guide.table.huber_delta.advice": "δ를 크게",
    "guide.table.huber_delta.shows": "반대입니다. δ가 작을수록 더 많은 샘플의 힘을 끊습니다. 자주 묻는 질문 Q3에서 둘 다 잽니다.",
    "guide.table.binary.situation": "두 클래스",
    "guide.table.binary.advice": "BCE",
    "guide.table.binary.shows": "고른 데이터에서 BCE를 변형들과 나란히 학습하고 각각의 재현율과 정밀도를 보여 줍니다.",
    "guide.table.multiclass.situation": "여러 클래스",
    "guide.table.multiclass.advice": "범주형 교차 엔트로피",
    "guide.table.multiclass.shows": "소프트맥스 교차 엔트로피를 변형들과 나란히 학습하고 클래스마다 재현율을 보여 줍니다.",
    "guide.table.multilabel.situation": "항목 하나에 레이블 여러 개",
    "guide.table.multilabel.advice": "레이블마다 BCE",
    "guide.table.multilabel.shows": ("PyTorch의 다중 레이블 소프트 마진 손실은 레이블마다 로짓에 BCE를 쓴 것과 같습니다. 갤러리에서 두 "
                                     "곡선이 겹쳐 그려집니다."),
    "guide.table.imbalance_10.situation": "1:10까지의 불균형",
    "guide.table.imbalance_10.advice": "가중 교차 엔트로피",
    "guide.table.imbalance_10.shows": "불균형 스윕이 가중치가 드문 클래스의 재현율을 올리는지 시험합니다.",
    "guide.table.imbalance_100.situation": "1:100 이상의 불균형",
    "guide.table.imbalance_100.advice": "포컬 손실",
    "guide.table.imbalance_100.shows": ("스윕이 여러 시드에서 포컬 손실과 가중 교차 엔트로피를 비교해 어느 쪽이었는지, 드문 샘플 몇 개에 "
                                        "기댄 판정인지 알려 줍니다(자주 묻는 질문 Q2)."),
    "guide.table.calibration.situation": "확률을 그대로 믿고 결정해야 할 때(위험 점수)",
    "guide.table.calibration.advice": "클래스 가중치나 포컬 손실 없는 교차 엔트로피",
    "guide.table.calibration.shows": ("스윕이 비율마다 방법별 보정 오차를 재고, 시드 다섯 개로 BCE가 더 잘 보정되어 있는지 "
                                      "판정합니다."),
    "guide.table.segmentation.situation": "분할, 작은 물체",
    "guide.table.segmentation.advice": "다이스 손실, 또는 다이스 + BCE",
    "guide.table.segmentation.shows": "전경 1 %에서 BCE, 다이스 손실, 다이스 + BCE가 각각 무엇을 찾는지 비교합니다.",
    "guide.table.distributions.situation": "분포 맞추기",
    "guide.table.distributions.advice": "KL 발산",
    "guide.table.distributions.shows": "방향이 중요합니다. 정방향 KL은 봉우리를 모두 덮고, 역방향 KL은 하나를 고릅니다.",
    "guide.table.embeddings.situation": "유사도를 위한 임베딩",
    "guide.table.embeddings.advice": "트리플렛 손실",
    "guide.table.embeddings.shows": "어떤 트리플렛으로 학습하느냐도 그만큼 중요합니다. 실험실에서 마이닝 방법을 비교합니다.",
    "guide.faq": "자주 묻는 질문",
    "guide.faq.cross_entropy_regression.question": "회귀에 교차 엔트로피를 쓸 수 있나요?",
    "guide.faq.cross_entropy_regression.answer": (
        "흔히 안 된다고 합니다. 사실 MSE 자체가 교차 엔트로피입니다. 분산이 고정된 가우스 모델의 음의 로그 가능도에서 상수와 ½배만 "
        "다릅니다. 회귀에 맞지 않는 것은 확률이나 클래스를 목표값으로 받는 이진 교차 엔트로피와 범주형 교차 엔트로피입니다."),
    "guide.faq.weighted_or_focal.question": "클래스 불균형이 심할 때 가중 교차 엔트로피와 포컬 손실 중 무엇이 낫나요?",
    "guide.faq.weighted_or_focal.answer": (
        "흔한 규칙은 1:10 정도까지는 가중 교차 엔트로피, 1:100부터는 포컬 손실입니다. 이것을 가설로 다뤄 보세요. 버튼을 누르면 분류 "
        "실험실의 불균형 스윕(일곱 가지 비율에서 BCE, 가중 교차 엔트로피, 포컬 손실을 여러 시드로 학습)을 돌리고, 규칙의 두 부분이 "
        "여기서 맞았는지 알려 줍니다."),
    "guide.faq.huber_delta.question": "후버 손실의 δ는 어떻게 정하나요?",
    "guide.faq.huber_delta.answer": (
        "δ는 후버 손실이 제곱에서 절댓값으로 바뀌는 잔차 크기이고, 목표값과 같은 단위입니다. 깨끗한 데이터의 잡음 크기 근처에서 "
        "시작하세요(회귀 실험실의 경험 규칙 버튼이 잡음에서 δ를 정해 줍니다). 이상치가 많을수록 δ를 낮추세요. 그래야 제곱으로 "
        "끝없이 커지는 힘을 받는 샘플이 줄어듭니다. 반대로 말하는 자료도 있습니다."),
    "guide.faq.switching.question": "학습 도중에 손실 함수를 바꿔도 되나요?",
    "guide.faq.switching.answer": (
        "됩니다. 손실 함수를 바꾸면 가중치가 지금 있는 자리에서 새 목적 함수를 따라 내려갑니다. 볼록한 문제라면 그 뒤로는 두 번째 "
        "손실 함수만 썼을 때 가는 곳으로 향합니다. 회귀 실험실의 손실 함수 바꾸기 부분에서 MSE로 몇 에포크 학습한 뒤 MAE로 바꾸고, "
        "각각만 쓴 학습과 나란히 보여 줍니다."),
    "guide.faq.combining.question": "손실 함수를 섞어 써도 되나요? 비중은 어떻게 정하나요?",
    "guide.faq.combining.answer": (
        "됩니다. w × 다이스 + (1 − w) × BCE 같은 가중합도 손실 함수이고, 그래디언트도 같은 가중합입니다. 비중은 짐작할 것이 아니라 "
        "재야 할 설정입니다. 버튼을 누르면 작은 물체 데이터(전경 1 %)에서 데이터 여러 벌마다 다섯 가지 비중으로 다이스 + BCE를 학습합니다."),
    "guide.measure": "여기서 재 보기",
    "guide.measured_intro": "방금 앱에서 직접 학습해 잰 결과입니다.",
    "guide.measured.gaussian_nll": ("갤러리의 잔차 {points}곳에서 분산 1인 가우스 NLL과 MSE의 절반은 많아야 {gap}만큼, "
                                    "그래디언트는 많아야 {slope_gap}만큼 다릅니다."),
    "guide.measured.dice_bce": ("전경 {fraction}({size} × {size} 이미지), 데이터 {seeds}벌에서 합 속 다이스 손실의 비중별 "
                                "임계값 0.5의 검증 다이스 점수(데이터 사이의 평균 ± 퍼진 정도): {scores}. 비중 0은 BCE만, 비중 1은 "
                                "다이스 손실만 쓴 것입니다."),
    "guide.measured.dice_bce_best": "가이드의 비중 {guide}의 평균({best_mean})이 가장 높았습니다. 이 설정에서만 잰 결과입니다.",
    "guide.measured.dice_bce.holds": ("평균이 가장 높은 비중은 {best}({best_mean})이고, 가이드의 {guide}은(는) {guide_mean}입니다. "
                                      "차이가 시드별 차이의 퍼진 정도({spread})보다 큽니다. 이 설정에서는 비중이 중요하니 "
                                      "자신의 데이터에서 재 보세요."),
    "guide.measured.dice_bce.undecided": ("평균이 가장 높은 비중은 {best}({best_mean})이고, 가이드의 {guide}은(는) {guide_mean}입니다. "
                                          "하지만 차이가 시드별 차이의 퍼진 정도({spread}) 안이라, 데이터 {seeds}벌로는 둘을 "
                                          "가를 수 없습니다."),
    "guide.measured.dice_bce.fails": ("평균이 가장 높은 비중은 {best}({best_mean})이고, 가이드의 {guide}은(는) {guide_mean}입니다. "
                                      "시드별로 보면 퍼진 정도({spread})보다 크게 앞서지 못했습니다."),
    "guide.hybrids": "섞은 손실 함수",
    "guide.hybrids_help": "섞은 손실 함수는 손실 함수들의 가중합입니다. 아래 코드(위에서 고른 프레임워크)의 다이스 + BCE가 그 예입니다. 그래디언트도 각 손실 그래디언트의 같은 가중합입니다.",
    "guide.hybrid.dice_bce": "다이스 + BCE: 겹침은 다이스 손실에서, 픽셀마다의 부드러운 그래디언트는 BCE에서 옵니다.",
    "guide.hybrid.focal_tversky": ("포컬 트버스키 손실은 포컬 손실과 다이스 손실의 합이 아닙니다. 트버스키 손실 1 − TI를 γ "
                                   "제곱해서, 잘 찾지 못한 이미지와 거의 맞힌 이미지가 받는 무게를 바꿉니다."),
    "guide.hybrid_untrained": "여기서 이 손실을 학습하는 실험실은 없습니다.",
    "guide.hybrid_train": "학습해 보기",
    "guide.hybrid_draw": "갤러리에서 그려 보기",
    "guide.lessons": "수업",
    "guide.lessons_help": ("수업은 단계별로 진행합니다. 단계마다 필요한 설정으로 실험실을 열고, 질문을 던지고, 실험실이 측정한 답을 "
                           "보여 줍니다. 발표 모드는 프로젝터 화면에 맞고, QR 코드로 같은 단계를 휴대폰에서 열 수 있습니다. "
                           "수업마다 인쇄할 활동지가 있습니다."),
}
