"""English UI strings."""

STRINGS = {
    "home.title": "LossViz",
    "app.tagline": "An interactive explorer of machine-learning loss functions.",
    "sidebar.language": "Language",
    "sidebar.about": ("LossViz draws every loss from one numpy implementation with a hand-derived "
                      "gradient, checked against PyTorch. Settings live in the URL: copy it to share a view."),
    "nav.home": "Home",
    "nav.gallery": "Loss gallery",
    "home.intro": ("LossViz lets you move a slider and watch a loss function, its gradient and a training "
                   "run change at once. Every curve comes from the same numpy code that is tested against "
                   "PyTorch to float64 precision."),
    "home.pages": "Pages",
    "home.gallery": "Overlay any losses of a task, tune their parameters and compare curves and gradients.",
    "gallery.title": "Loss gallery",
    "gallery.task": "Task",
    "gallery.losses": "Losses",
    "gallery.losses_placeholder": "Choose losses",
    "gallery.axis": "Horizontal axis",
    "gallery.no_parameters": "No parameters.",
    "gallery.pick_one": "Choose at least one loss to draw.",
    "gallery.loss_chart": "Loss",
    "gallery.slope_chart": "Gradient along the axis",
    "gallery.explain": "Explanation and formulas",
    "gallery.formula": "Formula",
    "gallery.gradient": "Gradient",
    "gallery.details": "A closer look at one loss",
    "gallery.detail_tabs": "What to show about it",
    "gallery.code": "Use it in your code",
    "gallery.hinge_note": "Hinge works on raw scores, not probabilities: switch the axis to the logit to see it.",
    "gallery.download": "Download curves (CSV)",
    "gallery.check": "Check against PyTorch",
    "gallery.check_help": ("Evaluates every drawn loss and its gradient with PyTorch (float64) on the plotted "
                           "points and shows the largest absolute difference."),
    "gallery.check_run": "Run the check",
    "column.value_diff": "max |Δ value|",
    "column.gradient_diff": "max |Δ gradient|",
    "column.skipped": "points left out",
    "gallery.check_bad": "Some differences are larger than float64 rounding: this view disagrees with PyTorch.",
    "gallery.check_skipped_note": ("Points left out: there PyTorch's own gradient is undefined (autograd through "
                                   "a log clamped at a probability of exactly 0 gives 0 × ∞), so nothing to compare."),
    "gallery.check_ok": "All differences are at float64 rounding level.",
    "task.regression": "Regression",
    "task.binary": "Binary classification",
    "task.multiclass": "Multi-class classification",
    "task.segmentation": "Segmentation",
    "task.distribution": "Distributions",
    "task.embedding": "Embeddings",
    "axis.residual": "residual",
    "axis.proba": "probability",
    "axis.logit": "logit",
    "axis.distance": "distance",
    "axis_title.residual": "residual ŷ − y",
    "axis_title.proba": "predicted probability of the true class p_t",
    "axis_title.logit": "logit of the true class",
    "axis_title.distance": "distance from anchor to negative",
    "axis_title.segmentation.proba": "probability of one foreground pixel",
    "axis_title.segmentation.logit": "logit of one foreground pixel",
    "axis_title.distribution.proba": "model probability q of the first outcome (target P = (0.3, 0.7))",
    "view.regression": "Each curve is one sample's loss against its residual; the gradient is its slope.",
    "view.binary": "A positive example (y = 1): the loss as the model's confidence in the right answer grows.",
    "view.multiclass": ("Three classes; the true class gets p_t (or a logit against two zero logits) and the "
                        "others share the rest."),
    "view.segmentation": ("A 6×6 mask with a 2×2 object predicted at 0.6 and background at 0.1; one object "
                          "pixel moves along the axis, every other pixel stays."),
    "view.distribution": "KL(P‖Q) between two-outcome distributions as the model Q moves.",
    "view.embedding": ("The positive sits at distance 1 from the anchor; the negative moves away. Easy negatives "
                       "(beyond 1 + margin) cost nothing."),
    "nav.regression": "Regression lab",
    "home.regression": "Fit a line to data with outliers using several losses at once and watch them train.",
    "regression.title": "Regression lab",
    "regression.intro": ("Every chosen loss fits the same line to the same data, from the same start with the same "
                         "optimizer. Raise the outlier fraction and press play: MSE bends toward the outliers, "
                         "MAE and Huber hold the true line."),
    "regression.settings": "Settings",
    "regression.tab_data": "Data",
    "regression.tab_losses": "Losses",
    "regression.tab_training": "Training",
    "regression.losses": "Losses",
    "regression.losses_placeholder": "Choose losses",
    "regression.pick_one": "Choose at least one loss to train.",
    "regression.n": "points",
    "regression.noise": "noise (standard deviation)",
    "regression.outlier_fraction": "outlier fraction",
    "regression.outlier_magnitude": "outlier distance (× spread)",
    "regression.outlier_kind": "outliers in",
    "regression.kind.vertical": "y (vertical)",
    "regression.kind.leverage": "x (leverage)",
    "regression.seed": "random seed",
    "regression.optimizer": "optimizer",
    "optimizer.gd": "Gradient descent",
    "optimizer.momentum": "Momentum",
    "optimizer.nag": "Nesterov (NAG)",
    "optimizer.adam": "Adam",
    "regression.lr": "learning rate",
    "regression.momentum": "momentum",
    "regression.epochs": "epochs",
    "regression.influence": "Point area: each point's pull on the true line under",
    "regression.influence_none": "(all the same)",
    "regression.x": "x",
    "regression.y": "y",
    "regression.points": "data",
    "regression.outliers": "outliers",
    "regression.truth": "true line",
    "regression.epoch": "epoch",
    "regression.play": "Play",
    "regression.pause": "Pause",
    "regression.history_x": "epoch",
    "regression.history_y": "loss ÷ loss at the start",
    "regression.errors": "Final fit against the true line",
    "column.loss": "loss",
    "column.slope": "Δ slope",
    "column.intercept": "Δ intercept",
    "column.diverged": "diverged at",
    "regression.diverged": ("{losses} diverged: the learning rate is too high for them. Their lines stop at the "
                            "last finite epoch; lower the learning rate."),
    "regression.download": "Download the training history (CSV)",
    "regression.sweep": "Outlier sweep",
    "regression.sweep_help": ("Trains every chosen loss on data with 0 to 50 % outliers (three data sets per "
                              "fraction, every other setting as above) and plots how far each fit lands from the "
                              "true line."),
    "regression.sweep_run": "Run the sweep",
    "regression.sweep_running": "Training every loss at eleven outlier fractions…",
    "regression.measure": "Error shown",
    "measure.total": "distance (slope and intercept)",
    "measure.slope": "slope error",
    "measure.intercept": "intercept error",
    "regression.sweep_x": "outlier fraction",
    "regression.explain": "What to look for",
    "regression.explain_text": (
        "**Vertical outliers** are gross errors in y: a faulty sensor, a typo, a wrong unit. MSE squares their "
        "residuals, so a few of them pull the whole line. The point areas show it: each is the point's pull "
        "on the true line, so under MSE a distant outlier weighs as much as dozens of ordinary points. MAE and "
        "Huber cap the pull of any single point (at 1 and at δ), so the line stays with the bulk of the data; "
        "switch the point area to Huber and the outliers shrink to nearly the size of ordinary points.\n\n"
        "**Leverage points** are errors in x. Their y is right, but they sit far to the side, and the pull of a "
        "point on the slope is its residual's pull *times its x*. Bounding the residual's pull does not bound "
        "that: with a few leverage points MAE and Huber still do better than MSE, but at around 20 % every loss "
        "here is dragged off the true slope. Protecting against them takes other tools (down-weighting points "
        "far out in x, or robust methods such as least trimmed squares).\n\n"
        "**Huber's δ** is the residual size at which a point stops counting as ordinary. A common start is "
        "δ = 1 (on the scale of your targets), tuned between about 0.5 and 2. Mind the direction: a smaller δ "
        "caps the pull of more points, so more outliers call for a smaller δ, not a larger one.\n\n"
        "**The learning rate** matters most for MSE: its gradient grows with the residual, so a step that is "
        "too large overshoots further each epoch and the run diverges. MAE's gradient never exceeds 1 per "
        "point, so it does not blow up, but with a fixed step it keeps jittering around the answer."),
    "nav.classification": "Classification lab",
    "home.classification": "Class imbalance from 1:1 to 1:1000: weighted cross-entropy and focal loss trained side by side.",
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
    "classification.weighting": "weighted BCE: pos_weight",
    "classification.auto": "auto (negatives ÷ positives)",
    "classification.manual": "manual",
    "method.bce": "BCE",
    "method.weighted_bce": "weighted BCE",
    "method.focal": "focal",
    "method.hinge": "hinge",
    "method.smoothed_bce": "BCE + label smoothing",
    "method.cce": "CE",
    "method.weighted_cce": "class-weighted CE",
    "method.softmax_focal": "softmax focal",
    "method.poly1": "poly-1",
    "classification.view": "View",
    "classification.view.binary": "Binary: imbalance",
    "classification.view.focal": "Focal loss explained",
    "classification.view.multiclass": "Multi-class",
    "classification.view.network": "Neural network",
    "classification.too_few": "These settings cannot make a data set: {message}.",
    "classification.x": "x₁",
    "classification.y": "x₂",
    "classification.majority": "majority (0)",
    "classification.minority": "minority (1)",
    "classification.sample": "{name}: {drawn} of {total} drawn",
    "classification.boundary": "decision boundary (p = 0.5)",
    "classification.validation": "validation",
    "classification.history_note": "Solid: training loss; dotted: validation loss (both ÷ the training loss at the start).",
    "classification.report": "On the validation split: {points} points, {minority} of them in the minority class.",
    "classification.recall": "recall (share of the class found)",
    "column.method": "method",
    "column.accuracy": "accuracy",
    "column.recall": "minority recall",
    "column.precision": "precision",
    "column.tn": "TN",
    "column.fp": "FP",
    "column.fn": "FN",
    "column.tp": "TP",
    "column.f1": "F1",
    "column.pr_auc": "PR-AUC",
    "classification.sweep": "Imbalance sweep",
    "classification.sweep_help": ("Trains each chosen binary method at imbalance 1:1, 1:3, 1:10 … 1:1000 (5,000 points, "
                                  "two data sets per ratio, every other setting as above) and plots the minority "
                                  "recall and PR-AUC on the validation split: the test of the 1:10 and 1:100 advice."),
    "classification.sweep_running": "Training every method at seven imbalance ratios…",
    "classification.imbalance_axis": "imbalance (minority : majority)",
    "classification.p_t": "probability of the true class p_t",
    "classification.focal_loss": "loss",
    "classification.focal_weight": "weight (1 − p_t)^γ",
    "classification.focal_caption": ("Left: the loss of one example against the probability the model gives its true "
                                     "class (γ = 0 is cross-entropy; γ = {gamma} is your setting, in red). Right: "
                                     "the factor focal loss multiplies cross-entropy by. An example already at "
                                     "p_t = 0.9 keeps (0.1)^γ of its cross-entropy: 1 % at γ = 2."),
    "classification.focal_settings": "α = {alpha:g}, γ = {gamma:g}",
    "classification.shares": "Where the loss comes from",
    "classification.share": "share of the total loss",
    "classification.shares_caption": ("The training points as a BCE-trained model scores them, grouped by p_t. With "
                                      "cross-entropy the many easy points (p_t near 1) still add up to a large share; "
                                      "focal loss moves the total to the hard and misclassified points."),
    "classification.multiclass_note": "Three classes, sizes falling from the majority down to 1/imbalance of it.",
    "column.class_recall": "recall {label}",
    "classification.class_name": "class {label} ({count})",
    "classification.network_intro": ("A small neural network (two tanh layers) trained with full-batch Adam in "
                                     "PyTorch, on LossViz's own loss and gradient through the torch bridge. It can "
                                     "draw a curved boundary; training streams its progress and can be stopped."),
    "classification.network_method": "method",
    "classification.hidden": "hidden units per layer",
    "classification.train": "Train the network",
    "classification.stop": "Stop",
    "classification.training": "Training: epoch {epoch} of {epochs}",
    "classification.stopped": "Stopped after {epoch} epochs.",
    "classification.explain_text": (
        "**Why accuracy misleads.** At 1:100 a model that calls everything the majority is 99 % accurate and finds "
        "no minority point at all. Read the minority recall (the share of minority points found), the precision "
        "(the share of alarms that are right) and the PR-AUC (how well the scores rank minority points first, "
        "whatever the threshold).\n\n"
        "**Weighted BCE** multiplies the loss of each minority point by pos_weight; the automatic choice, "
        "negatives ÷ positives, gives both classes the same total weight. It moves the threshold, so recall rises "
        "and precision falls; the ranking, and with it the PR-AUC, barely changes.\n\n"
        "**Focal loss** multiplies cross-entropy by (1 − p_t)^γ, so points the model already gets right fade out. "
        "Its α weighs the classes: α is the weight of the minority (positive) class and 1 − α that of the "
        "majority. The paper's α = 0.25 pairs with γ = 2 for object detection, where γ has already silenced the "
        "many easy background points; on this data α = 0.25 weighs the minority *less*, and the recall shows it. "
        "Try α near 0.75 or above.\n\n"
        "**The guide's advice** says weighted cross-entropy is enough around 1:10 and focal loss wins beyond "
        "1:100. The sweep tests it on this data; what you see depends on α, γ and how much the classes overlap, "
        "so treat it as a hypothesis to check, not a rule."),
    "chart.no_plotly": "This chart cannot be drawn: its drawing library (plotly.js) did not load. Reload the page.",
    "notice.title": "Some settings in the link could not be used:",
    "notice.unknown_key": "ignored the unknown setting {key}.",
    "notice.bad_number": "{key} must be a number; kept {value}.",
    "notice.clamped": "{key} = {raw} is outside [{low}, {high}]; used {value}.",
    "notice.bad_choice": "{key} = {raw} is not one of the choices; kept {value}.",
    "notice.bad_item": "ignored {raw} in {key}: not one of the choices.",
    "notice.rounded": "{key} = {raw} must be a whole number; used {value}.",
    "notice.too_long": "{key} is too long and was ignored.",
    "about.mse": ("Squares each error, so large errors dominate and the fit is pulled toward outliers. It is "
                  "the natural choice when noise is roughly Gaussian and the data are clean: its gradient "
                  "shrinks smoothly near the optimum, which makes training fast and stable."),
    "about.mae": ("Charges every unit of error the same, so an outlier costs only as much as its distance. "
                  "The fit follows the median and resists outliers, but the gradient has the same size "
                  "everywhere and jumps at zero, so training can oscillate near the optimum."),
    "about.huber": ("Quadratic for errors smaller than δ and linear beyond: MSE's smooth behaviour near the "
                    "answer with MAE's resistance to outliers. δ sets where an error starts to count as an "
                    "outlier; a large δ behaves like MSE, a small one like MAE."),
    "about.log_cosh": ("Like half the squared error near zero and like the absolute error far away, with a "
                       "gradient (tanh) that is smooth everywhere and never exceeds 1. A parameter-free "
                       "alternative to Huber."),
    "about.quantile": ("The pinball loss predicts a quantile instead of the mean: with q = 0.9, "
                       "under-predicting costs nine times more than over-predicting, so the fit rises to the "
                       "90th percentile. Useful for prediction intervals and asymmetric costs."),
    "about.barron": ("One shape parameter α slides through a whole family: α = 2 is the squared error, α = 1 "
                     "pseudo-Huber, α = 0 Cauchy, and lower values give losses that saturate, so far outliers "
                     "stop pulling at all. The scale c sets the width of the quadratic bowl."),
    "about.bce": ("The negative log-likelihood of a Bernoulli model: confident wrong answers cost a lot, "
                  "right ones almost nothing. pos_weight multiplies the cost of positives; with 1:10 "
                  "imbalance, setting it near the negative-to-positive ratio is a simple, strong baseline."),
    "about.focal": ("Cross-entropy multiplied by (1 − p_t)^γ, so examples the model already gets right fade "
                    "out and training concentrates on hard ones. α weighs the two classes (α for positives, "
                    "1 − α for negatives). Helpful with severe imbalance, such as 1:100 or worse."),
    "about.hinge": ("The support-vector loss on raw scores: zero once an example is on the right side with a "
                    "margin of 1, linear otherwise. Confident correct examples stop contributing entirely, and "
                    "the output is a score, not a calibrated probability."),
    "about.cce": ("Cross-entropy for one label among several classes, usually after a softmax. Class weights "
                  "rebalance rare classes; label smoothing moves a little of the target to every class, which "
                  "keeps the model from growing over-confident."),
    "about.softmax_focal": ("The focal idea for several classes: the cross-entropy of each sample is scaled "
                            "by (1 − p_t)^γ, with an optional weight per class. Easy samples fade, hard and "
                            "rare ones keep their weight."),
    "about.poly1": ("Cross-entropy plus ε(1 − p_t): it adjusts the first term of cross-entropy's polynomial "
                    "expansion. A positive ε keeps pushing examples the model already classifies correctly; a "
                    "negative one relaxes that push."),
    "about.dice": ("One minus the Dice coefficient (F1 score) of the predicted and true masks. It measures "
                   "overlap relative to the object's size, so a small object counts as much as a large one "
                   "and the background cannot dominate. Its gradient can be large and unstable on tiny masks."),
    "about.jaccard": ("One minus intersection over union (IoU). Stricter than Dice for the same prediction, "
                      "since IoU = Dice / (2 − Dice); use it when IoU is the metric you report."),
    "about.tversky": ("Dice with separate prices for false positives (α) and false negatives (β). Raising β "
                      "above α favours recall, which helps when missing a small lesion is worse than a false "
                      "alarm. α = β = 0.5 gives Dice."),
    "about.dice_bce": ("A weighted sum of Dice and per-pixel cross-entropy: cross-entropy gives every pixel a "
                       "smooth, well-scaled gradient early in training, Dice keeps a small foreground from "
                       "being drowned by the background. A common default for segmentation."),
    "about.kl": ("How many extra nats a model Q costs when the data follow P. Minimising KL(P‖Q) makes Q "
                 "cover every mode of P; the reverse direction KL(Q‖P) lets Q settle on one mode. It is the "
                 "loss of knowledge distillation with softened targets."),
    "about.triplet": ("Pulls an anchor toward a positive and pushes it away from a negative until the negative "
                      "is farther by at least the margin. Easy negatives contribute nothing; semi-hard and hard "
                      "negatives carry the learning signal."),
}
