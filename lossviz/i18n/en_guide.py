"""English UI strings of the guide, its lessons, and the regression lab's switch of loss."""

STRINGS = {
    "home.start": "Which loss should you use? Three questions:",
    "home.start_link": "Answer them in the guide",
    "home.picture.gallery": "MSE, MAE and Huber loss against the residual",
    "home.picture.regression": "Points with outliers, the true line, and the MSE line pulled toward the outliers",
    "home.picture.classification": "Two classes of points at 1:10, the rare class in vermilion",
    "home.picture.landscape": "Mean MSE and MAE along the slope on data with outliers: two valleys apart",
    "home.picture.distributions": "A two-mode target with the forward-KL fit across both modes and the reverse-KL fit on one",
    "home.picture.embeddings": "Four classes of points seen along their two widest directions",
    "home.picture.segmentation": "A noisy image with two objects to find, drawn dark",
    "home.picture.workbench": "A typed loss, |r| to the power 1.5, with its gradient",
    "nav.guide": "Choosing a loss",
    "home.guide": "Three questions about your task and data, an answer with its code, and the experiment that "
                  "shows why; the guide's tables, FAQ and lessons, each one link from its evidence.",
    "guide.title": "Choosing a loss",
    "guide.intro": ("Answer three questions. The answer names a loss, says why and where it fails, gives the code, "
                    "and opens the experiment that shows it: every link carries the page and its settings, so you can "
                    "copy it into a lesson."),
    "guide.q.task": "1. What are you predicting?",
    "guide.q.data": "2. What is the data like?",
    "guide.q.priority": "3. What matters most?",
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
    "guide.open": "Open the experiment: {what}",
    "guide.open_short": "open",
    "guide.code": "Code",
    "framework.pytorch": "PyTorch",
    "framework.keras": "Keras",
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
    "column.situation": "situation",
    "column.advice": "common advice",
    "column.shows": "what the experiment shows",
    "column.experiment": "experiment",
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
        "weight is a setting to measure, not to guess: the button trains Dice + BCE at five weights on small objects."),
    "guide.measure": "Measure it here",
    "guide.measured_intro": "Measured now, from the app's own runs:",
    "guide.measured.gaussian_nll": ("On the gallery's {points} residuals, Gaussian NLL with variance 1 differs from "
                                    "half of MSE by at most {gap}, and its gradient from half of MSE's by at most "
                                    "{slope_gap}."),
    "guide.measured.dice_bce": ("Mean validation Dice score over {seeds} data sets, by the weight of Dice: {scores}. "
                                "The best weight here: {best}. BCE alone (weight 0) scored {bce}, Dice alone (weight 1) "
                                "{dice}."),
    "guide.hybrids": "Hybrid losses",
    "guide.hybrids_help": ("A hybrid is a weighted sum of losses, built from (weight, loss) pairs as in the code "
                           "below; its gradient is the same weighted sum."),
    "guide.hybrid.dice_bce": "Dice + BCE: the overlap from Dice, a smooth per-pixel gradient from BCE.",
    "guide.hybrid.focal_dice": ("Focal + Dice (focal Tversky): an overlap loss raised to a power, so poorly found "
                                "objects weigh more."),
    "guide.hybrid_train": "train it",
    "guide.hybrid_draw": "draw it in the gallery",
    "guide.combine_code": ("from lossviz import losses\n\n"
                           "dice_bce = losses.combine([(0.5, losses.get(\"dice\")), (0.5, losses.get(\"bce\"))])\n"
                           "value = dice_bce.forward(masks, proba)  # 0.5 · Dice + 0.5 · BCE\n"
                           "gradient = dice_bce.backward(masks, proba)  # the same weighted sum of gradients"),
    "guide.lessons": "Lessons",
    "guide.lessons_help": ("A lesson is one link: it opens a page with the settings it needs and a box of hints. "
                           "Copy a link into your slides."),
    "notice.bad_lesson": "lesson = {raw} is not a lesson of this page; it was left out.",
    "lesson.box": "Lesson: {title}",
    "lesson.close": "End the lesson",
    "lesson.outliers.title": "Outliers pull MSE",
    "lesson.outliers.hint1": "Raise the outlier fraction to 30 %. Which line moves, and which stay?",
    "lesson.outliers.hint2": "Size the points by MSE's pull, then by Huber's: which points pull hardest under each?",
    "lesson.outliers.hint3": "Run the outlier sweep: at what fraction does each loss break down?",
    "lesson.huber_delta.title": "Huber's δ, the right way round",
    "lesson.huber_delta.hint1": ("Move Huber δ from 2 down to 0.5. Does the Huber line get closer to the true line or "
                                 "farther?"),
    "lesson.huber_delta.hint2": "Now raise δ to 10. Which other loss does Huber become?",
    "lesson.huber_delta.hint3": "Press the rule-of-thumb button: where does it set δ, and why from the noise?",
    "lesson.imbalance.title": "A rare class at 1:100",
    "lesson.imbalance.hint1": "Read each method's recall in the table: how much of the rare class does plain BCE find?",
    "lesson.imbalance.hint2": ("Set weighted BCE's weight by hand and lower it: what happens to recall and "
                               "precision?"),
    "lesson.imbalance.hint3": ("Run the imbalance sweep: does focal loss beat weighted BCE here, and on how many rare "
                               "samples does the verdict rest?"),
    "lesson.focal_gamma.title": "What focal's γ does",
    "lesson.focal_gamma.hint1": "Raise γ from 0 to 5: how much loss is left for points the model already gets right?",
    "lesson.focal_gamma.hint2": "Compare where the total loss comes from, for BCE and for focal, in the bar chart.",
    "lesson.calibration.title": "Probabilities you can trust",
    "lesson.calibration.hint1": ("Read the calibration error column: whose probabilities come true as often as they "
                                 "say?"),
    "lesson.calibration.hint2": "Run the imbalance sweep: does the order hold at every ratio, over five seeds?",
    "lesson.calibration.hint3": ("In the same sweep, compare minority recall: what does weighted BCE gain for the "
                                 "probabilities it gives up?"),
    "lesson.small_objects.title": "Small objects in segmentation",
    "lesson.small_objects.hint1": "At 1 % foreground, which loss finds the objects at threshold 0.5?",
    "lesson.small_objects.hint2": "Compare BCE's and Dice's probability maps: where does each push?",
    "lesson.small_objects.hint3": "Run the foreground sweep: below which fraction does BCE stop finding objects?",
    "lesson.kl_direction.title": "Forward or reverse KL",
    "lesson.kl_direction.hint1": "Move the two modes apart: which fit spreads over both, and which picks one?",
    "lesson.kl_direction.hint2": "Which direction would you choose to cover every case, and which for sharp samples?",
    "lesson.mining.title": "Which triplets to train on",
    "lesson.mining.hint1": "Switch the mining between all triplets, semi-hard and batch-hard: how do the clusters form?",
    "lesson.mining.hint2": "Raise the margin: what happens to the number of triplets that still count?",
    "lesson.landscape.title": "The shape of a loss surface",
    "lesson.landscape.hint1": "Compare MSE's bowl with MAE's surface: where is each one's lowest point?",
    "lesson.landscape.hint2": "Raise the outlier fraction: which lowest point moves, and which paths follow it?",
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
    "verdict.switch": ("Switching from {first} to {then} at epoch {at} ended {switched} from the true line on average; "
                       "{then} alone ended {then_alone}, {first} alone {first_alone}. The switched run ended closer "
                       "than {then} alone on {closer} of {compared} data sets."),
    "verdict.switch_diverged": "{runs} runs diverged and are left out of the means.",
}
