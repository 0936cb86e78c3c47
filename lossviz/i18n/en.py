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
    "gallery.download": "Download curves (CSV)",
    "gallery.check": "Check against PyTorch",
    "gallery.check_help": ("Evaluates every drawn loss and its gradient with PyTorch (float64) on the plotted "
                           "points and shows the largest absolute difference."),
    "gallery.check_run": "Run the check",
    "column.value_diff": "max |Δ value|",
    "column.gradient_diff": "max |Δ gradient|",
    "column.skipped": "points left out",
    "gallery.check_bad": "Some differences are larger than float64 rounding: this view disagrees with PyTorch.",
    "gallery.check_skipped_note": ("Points left out of the gradient comparison: where PyTorch's own gradient is undefined (autograd through "
                                   "a log clamped at a probability of exactly 0 gives 0 × ∞), and where the loss has a kink and PyTorch "
                                   "picks another valid subgradient than LossViz (hinge at a margin of exactly 1, for instance)."),
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
    "axis_title.proba": "predicted probability of the true class p<sub>t</sub>",
    "axis_title.logit": "logit of the true class",
    "axis_title.distance": "distance from anchor to negative",
    "axis_title.segmentation.proba": "probability of one foreground pixel",
    "axis_title.segmentation.logit": "logit of one foreground pixel",
    "axis_title.distribution.proba": "model probability q of the first outcome",
    "view.regression": "Each curve is one sample's loss against its residual; the gradient is its slope. The Poisson loss takes a count and a log-rate, so it has an axis of its own.",
    "view.binary": ("A positive sample (y = 1): the loss as the model's confidence in the right answer grows. Focal's curve "
                    "also sits low because its α scales a positive sample's loss (α = 0.25 by default): switch its class "
                    "weighting off to compare its shape alone."),
    "view.multiclass": ("Three classes; the true class gets pₜ (or a logit against two zero logits) and the "
                        "others share the rest."),
    "view.segmentation": ("A 6×6 mask with a 2×2 object predicted at 0.6 and background at 0.1; one object "
                          "pixel moves along the axis, every other pixel stays."),
    "view.distribution": "Two-outcome distributions: the target P = (0.3, 0.7), the model Q = (q, 1 − q); KL(P‖Q) and the Jensen–Shannon divergence of the two.",
    "view.embedding": "Distance axis: triplet (the positive at distance 1 from the anchor, the negative moving away) and contrastive (the distance of one pair, for a similar and for a dissimilar pair). Cosine axis: cosine embedding for both kinds of pair, and InfoNCE with K negatives at cosine 0 from the anchor.",
    "nav.regression": "Regression lab",
    "home.regression": "Fit a line to data with outliers using several losses at once and watch them train.",
    "regression.title": "Regression lab",
    "regression.intro": ("Every chosen loss fits the same line to the same data, from the same start with the same optimizer. "
                         "Raise the outlier fraction and press play: MSE is pulled toward the outliers, MAE and Huber stay much "
                         "closer to the bulk of the data. Outliers on one side still shift their intercept, more as the fraction "
                         "grows: the table below says by how much."),
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
    "regression.diverged": ("Diverged, the learning rate being too high: {losses}. The lines stop at the last finite epoch, and the "
                            "table has no final fit for them. MSE's gradient grows with the residual, and with leverage points also "
                            "with x, so its steps explode first: lower the learning rate."),
    "regression.download": "Download the training history (CSV)",
    "regression.sweep": "Outlier sweep",
    "regression.sweep_help": ("Trains every chosen loss on data with 0 to 50 % outliers (five data sets per fraction, at most 300 "
                              "epochs per run, every other setting as above) and plots how far each fit lands from the true line: the "
                              "mean over the five, with their spread as error bars. It takes a few seconds at large settings; Stop in "
                              "the top right corner ends it."),
    "regression.sweep_run": "Run the sweep",
    "regression.measure": "Error shown",
    "measure.total": "distance (slope and intercept)",
    "measure.slope": "slope error",
    "measure.intercept": "intercept error",
    "regression.sweep_x": "outlier fraction",
    "regression.explain": "What to look for",
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
                                "larger one. The guide this app draws on says the opposite (its FAQ Q3: more outliers, larger δ); that "
                                "would treat more of the outliers quadratically, like MSE. Try both on the sweep.\n\n**The learning rate** "
                                "matters most for MSE: its gradient grows with the residual, so a step that is too large overshoots "
                                "further each epoch and the run diverges. MAE's gradient never exceeds 1 per sample, so it does not blow "
                                "up, but with a fixed step it keeps jittering around the answer."),
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
    "classification.weighting": "Weighted BCE: positive weight",
    "classification.auto": "auto (negatives ÷ positives)",
    "classification.manual": "manual",
    "classification.view": "View",
    "classification.view.binary": "Binary: imbalance",
    "classification.view.focal": "Focal loss explained",
    "classification.view.multiclass": "Multi-class",
    "classification.view.network": "Neural network",
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
    "classification.sweep_help": ("Trains each chosen binary method at imbalance 1:1, 1:3, 1:10 … 1:1000, on five data sets per ratio "
                                  "(5,000 samples each, more at high ratios so that the validation split keeps 30 minority samples where "
                                  "the cap of 10,000 allows; at most 300 epochs per run; every other setting as above), and plots the "
                                  "minority recall and PR-AUC on the validation split: the mean over the five, with their spread as error "
                                  "bars. It takes a few seconds; Stop in the top right corner ends it."),
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
    "about.barron": ("One shape parameter α slides through a whole family: α = 2 is half the squared error r²/(2c²), α = 1 "
                     "pseudo-Huber, α = 0 Cauchy (log(½(r/c)² + 1)), and lower values give losses that saturate, so far "
                     "outliers stop pulling at all. The scale c sets the width of the bowl."),
    "about.bce": ("The negative log-likelihood of a Bernoulli model: confident wrong answers cost a lot, right ones almost "
                  "nothing. The positive weight multiplies the cost of positives; setting it to the negative-to-positive "
                  "ratio balances the classes, a simple baseline under imbalance."),
    "about.focal": ("Cross-entropy multiplied by (1 − pₜ)^γ, so samples the model already gets right fade out and training "
                    "concentrates on hard ones. α weighs the two classes (α for positives, 1 − α for negatives). Often "
                    "recommended for severe imbalance; whether it beats weighted cross-entropy there is something to "
                    "measure, not assume: the classification lab's sweep does."),
    "about.hinge": ("The support-vector loss on raw scores: zero once an example is on the right side with a "
                    "margin of 1, linear otherwise. Confident correct examples stop contributing entirely, and "
                    "the output is a score, not a calibrated probability."),
    "about.cce": ("Cross-entropy for one label among several classes, usually after a softmax. Class weights "
                  "rebalance rare classes; label smoothing moves a little of the target to every class, which "
                  "keeps the model from growing over-confident."),
    "about.softmax_focal": ("The focal idea for several classes: the cross-entropy of each sample is scaled by (1 − pₜ)^γ, with an "
                            "optional weight α per class. Easy samples fade; a rare class is protected only by its α, since focusing "
                            "on hard samples does not weigh classes."),
    "about.poly1": ("Cross-entropy plus ε(1 − pₜ): it adjusts the first term of cross-entropy's polynomial "
                    "expansion. A positive ε keeps pushing examples the model already classifies correctly; a "
                    "negative one relaxes that push."),
    "about.dice": ("One minus the Dice coefficient (F1 score) of the predicted and true masks, with Σp + Σg in the "
                   "denominator as in Sudre et al. (2017); Milletari et al. (2016, V-Net) square both terms. It measures "
                   "overlap relative to the size of the object and the prediction, so the background cannot dominate. Per "
                   "image it is one ratio: with a single object a small one weighs as much as a large one, but several "
                   "objects in one image share the sums and the large ones dominate. Its gradient can be large and unstable "
                   "on tiny masks."),
    "about.jaccard": ("One minus intersection over union (IoU). Stricter than Dice for the same prediction, "
                      "since IoU = Dice / (2 − Dice); use it when IoU is the metric you report."),
    "about.tversky": ("Dice with separate prices for false positives (α) and false negatives (β). Raising β above α favours "
                      "recall, which helps when missing a small lesion is worse than a false alarm. α = β = 0.5 gives Dice "
                      "with the smoothing doubled: Tversky with s equals Dice with 2s."),
    "about.dice_bce": ("A weighted sum of Dice and per-pixel cross-entropy: cross-entropy gives every pixel a "
                       "smooth, well-scaled gradient early in training, Dice keeps a small foreground from "
                       "being drowned by the background. A common default for segmentation."),
    "about.kl": ("How many extra nats a model Q costs when the data follow P. Minimising KL(P‖Q) makes Q "
                 "cover every mode of P; the reverse direction KL(Q‖P) lets Q settle on one mode. It is the "
                 "loss of knowledge distillation with softened targets."),
    "about.triplet": ("Pulls an anchor toward a positive and pushes it away from a negative until the negative is farther by "
                      "at least the margin. Easy negatives contribute nothing; semi-hard and hard negatives carry the learning "
                      "signal. This is torch's form, with plain distances; Schroff et al. (2015, FaceNet) use squared "
                      "distances between L2-normalised embeddings."),
    "name.mse": "MSE",
    "name.mae": "MAE",
    "name.huber": "Huber",
    "name.log_cosh": "Log-cosh",
    "name.quantile": "Quantile (pinball)",
    "name.barron": "Barron",
    "name.bce": "BCE",
    "name.focal": "Focal",
    "name.hinge": "Hinge",
    "name.cce": "Cross-entropy",
    "name.softmax_focal": "Softmax focal",
    "name.poly1": "Poly-1",
    "name.dice": "Dice",
    "name.jaccard": "Jaccard (IoU)",
    "name.tversky": "Tversky",
    "name.dice_bce": "Dice + BCE",
    "name.kl": "KL divergence",
    "name.triplet": "Triplet",
    "name.weighted_bce": "Weighted BCE",
    "name.smoothed_bce": "BCE + label smoothing",
    "name.weighted_cce": "Weighted cross-entropy",
    "param.delta": "δ",
    "param.q": "q",
    "param.alpha": "α",
    "param.scale": "c",
    "param.pos_weight": "positive weight",
    "param.gamma": "γ",
    "param.label_smoothing": "label smoothing",
    "param.epsilon": "ε",
    "param.smooth": "smoothing s",
    "param.beta": "β",
    "param.weight": "Dice share",
    "param.margin": "margin",
    "slope.regression.residual": ("Right panel: d loss / d r along the residual r = ŷ − y, which is the gradient ∂L/∂ŷ of one sample."),
    "slope.binary.proba": ("Right panel: d loss / d pₜ for a positive sample, where pₜ = p; the formulas below take the gradient "
                           "with respect to p (BCE) and pₜ (focal), the same thing here."),
    "slope.binary.logit": ("Right panel: d loss / d z, the gradient with respect to the logit z of the positive class (the gradient "
                           "with respect to pₜ times pₜ(1 − pₜ)); hinge reads z as its score f."),
    "slope.multiclass.proba": ("Right panel: d loss / d pₜ along the curve, the other two classes sharing 1 − pₜ equally: ∂L/∂pₜ minus "
                               "half the sum of ∂L/∂p_c over the other classes."),
    "slope.multiclass.logit": ("Right panel: ∂L/∂zₜ, the gradient with respect to the true class's logit, the other logits held at 0."),
    "slope.segmentation.proba": ("Right panel: ∂L/∂p_k, the gradient with respect to the one moving foreground pixel k."),
    "slope.segmentation.logit": ("Right panel: ∂L/∂z_k, the gradient with respect to the moving pixel's logit: ∂L/∂p_k × p_k(1 − p_k)."),
    "slope.distribution.proba": "Right panel: d loss / d q along Q = (q, 1 − q), that is ∂L/∂Q₁ − ∂L/∂Q₂; for KL it is −P₁/q + P₂/(1 − q). The formulas below are the gradients with respect to each Q_c.",
    "slope.embedding.distance": "Right panel: d loss / d distance as the moving point moves away: the negative for triplet (−1 while the margin is violated, 0 beyond), the pair's second point for contrastive. The formulas below are the gradients with respect to the embeddings.",
    "regression.diverged_mark": "diverged",
    "regression.huber_rule": "Use δ = 1.35 × noise = {delta}",
    "regression.huber_rule_help": ("Huber's rule of thumb: with Gaussian noise of standard deviation σ, δ = 1.35 σ keeps 95 % of MSE's "
                                   "efficiency on clean data while capping the outliers' pull."),
    "help.huber.delta": "Residual size where the loss turns from quadratic to linear.",
    "help.quantile.q": "Target quantile: above 0.5 under-prediction costs more.",
    "help.barron.alpha": "Shape: 2 is half the squared error, 1 pseudo-Huber, 0 Cauchy, negative values saturate.",
    "help.barron.scale": "Width c of the quadratic bowl around zero.",
    "help.bce.pos_weight": "Weight of the positive class: negatives ÷ positives balances the classes.",
    "help.focal.alpha": ("Weight of the positive class (negatives get 1 − α). Switched off, both classes weigh the same."),
    "help.focal.gamma": "Focusing power: how strongly samples the model already gets right are down-weighted.",
    "help.softmax_focal.gamma": ("Focusing power: how strongly samples the model already gets right are down-weighted."),
    "help.cce.label_smoothing": "Share of the target spread evenly over all classes.",
    "help.poly1.epsilon": "Weight of the extra (1 − pₜ) term added to cross-entropy.",
    "help.dice.smooth": "Added to numerator and denominator: keeps empty masks defined and softens small objects.",
    "help.jaccard.smooth": "Added to numerator and denominator: keeps empty masks defined and softens small objects.",
    "help.tversky.smooth": "Added to numerator and denominator: keeps empty masks defined and softens small objects.",
    "help.dice_bce.smooth": ("Added to numerator and denominator: keeps empty masks defined and softens small objects."),
    "help.tversky.alpha": "Price of false positives.",
    "help.tversky.beta": "Price of false negatives.",
    "help.dice_bce.weight": "Share of the Dice loss; BCE gets the rest.",
    "help.triplet.margin": "How much farther the negative must be than the positive: the margin.",
    "regression.sweep_progress": "Outlier fraction {fraction}, data set {seed} of {seeds}",
    "regression.verdict_rule": ("**The claim under test:** MAE and Huber resist outliers where MSE breaks down. A fit counts as broken "
                                "down when its mean {measure} over the {seeds} data sets exceeds {threshold} (a third of the true slope "
                                "1.5, the whole intercept 0.5), or when most of its runs diverge. On this sweep:"),
    "regression.breakdown_never": ("**{loss}** stays below {threshold} up to {last} outliers (largest mean error {largest})."),
    "regression.breakdown_at": ("**{loss}** breaks down at {fraction} outliers: mean error {error} ± {spread} (at most {largest} before "
                                "that)."),
    "regression.breakdown_diverged": "{diverged} of its {runs} runs diverged.",
    "classification.sweep_progress": "Imbalance {ratio}, data set {seed} of {seeds}",
    "classification.verdict_rule": ("**The guide's claims, tested on minority recall.** A claim \"A beats B\" holds when A's mean recall over "
                                    "the {seeds} seeds exceeds B's by more than the spread (standard deviation) of their per-seed "
                                    "differences, fails when it falls short by more than that, and is undecided in between. On this sweep:"),
    "verdict.weighting_helps.holds": ("At {ratio}, {better} found {mean_better} of the minority class and {worse} {mean_worse} (mean of "
                                      "{seeds} seeds, spread ±{spread}): weighting the classes helps here, as the guide says."),
    "verdict.weighting_helps.fails": ("At {ratio}, {better} found {mean_better} of the minority class and {worse} {mean_worse} (mean of "
                                      "{seeds} seeds, spread ±{spread}): here weighting the classes does not help, against the guide's advice."),
    "verdict.weighting_helps.undecided": ("At {ratio}, {better} ({mean_better}) and {worse} ({mean_worse}) differ by less than their spread over "
                                          "{seeds} seeds (±{spread}): this sweep cannot decide whether weighting helps."),
    "verdict.focal_beats_weighting.holds": ("At {ratio}, {better} found {mean_better} of the minority class and {worse} {mean_worse} (mean of "
                                            "{seeds} seeds, spread ±{spread}): here the guide's advice, focal loss beyond 1:100, holds."),
    "verdict.focal_beats_weighting.fails": ("At {ratio}, {worse} found {mean_worse} of the minority class and {better} {mean_better} (mean of "
                                            "{seeds} seeds, spread ±{spread}): here the guide's advice, focal loss beyond 1:100, does not hold."),
    "verdict.focal_beats_weighting.undecided": ("At {ratio}, {better} ({mean_better}) and {worse} ({mean_worse}) differ by less than their spread over "
                                                "{seeds} seeds (±{spread}): this sweep cannot decide the guide's advice, focal loss beyond 1:100."),
    "verdict.weighting_helps.untested": "Choose {better} and {worse} to test the claim that weighting helps at 1:10.",
    "verdict.focal_beats_weighting.untested": ("Choose {better} and {worse} to test the claim that focal loss beats weighted cross-entropy beyond 1:100."),
    "verdict.minority": "({minority} validation minority samples per seed.)",
    "verdict.few_minority": ("(Only {minority} validation minority samples per seed, fewer than the {wanted} aimed for: read it with "
                             "care.)"),
    "column.ratio": "imbalance",
    "column.points": "samples per data set",
    "column.validation_minority": "validation minority samples",
    "mistake.title": "Where common sources go wrong",
    "mistake.intro": "Errors found in the guides this app draws on, each checked with LossViz's own numbers:",
    "mistake.bce_sign": ("**The BCE sign.** Cross-entropy is −[y log p + (1 − y) log(1 − p)]. Written with a minus between the "
                         "two terms, a negative sample predicted at p = {p} costs {mistyped} instead of {correct}: the more "
                         "confident the wrong answer, the lower the loss."),
    "mistake.cce_gradient": ("**The cross-entropy gradient.** ∂L/∂ŷ of −Σ y log ŷ is −y/ŷ: {ours} for the true class at ŷ = {p}, and "
                             "a finite difference of the loss gives {finite}. The form ŷ/y gives {mistyped} there (the wrong sign and "
                             "size) and divides by zero for every other class."),
    "mistake.focal_alpha": ("**Focal loss's α.** α weighs the classes: α_t = α for positives and 1 − α for negatives. With α = "
                            "{alpha}, a positive and a negative sample both at pₜ = {confidence} cost {positive} and {negative}, a "
                            "ratio of {ratio}. Multiplying every sample by α, as one snippet does, only rescales the loss and weighs "
                            "both alike."),
    "mistake.huber_delta": ("**Huber's δ.** A smaller δ caps the pull of more samples. At {fraction} vertical outliers (mean of "
                            "{seeds} data sets), δ = {small} ends {small_error} from the true line and δ = {large} ends "
                            "{large_error} from it: more outliers call for a smaller δ, not a larger one."),
    "mistake.mse_example": ("**A printed MSE value.** For predictions ŷ = (2.5, 3.0, 1.8) against targets y = (3.0, 2.8, 2.1), MSE is {mse} "
                            "(torch.nn.MSELoss agrees); the guide prints {printed}. That is half of it, the value of the ½r² "
                            "convention: Huber's loss with δ = 1 gives exactly {half}."),
    "mistake.rising_curves": ("**\"Training and validation loss both rising\" is not underfitting.** At learning rate {lr}, MSE's "
                              "training loss grows from {start} to {end} within {epoch} epochs: the steps overshoot. The same model at "
                              "learning rate {lr_fine} ends at {fine_end}. Loss that rises from the start is a training problem (the "
                              "learning rate, the data), not a model that is too simple."),
    "classification.more_points": ("At {ratio} a data set of {n} samples leaves too few minority samples to split into training and "
                                   "validation (at least 2 in each), so this one has {used}."),
    "regression.not_converging": ("Not converging: {losses} ended no lower than they started. With this learning rate the steps overshoot "
                                  "and the fit jitters around the answer: lower it."),
    "param.switch": "{label}: weigh the classes",
    "gallery.other_axis": "Not drawn on this axis: {names}. They take other inputs; switch the horizontal axis to see them.",
    "gallery.compare_title": "Compare the losses of this task: {task}",
    "gallery.compare_help": "One row per loss of the task: how much a single bad sample can pull it, what it needs from the data, and how its gradient behaves (the right panel above shows it).",
    "column.robust": "robustness",
    "column.needs": "needs from the data",
    "column.gradient": "gradient",
    "card.use": "Use it when",
    "card.avoid": "Avoid it when",
    "card.parameters": "Parameters:",
    "card.paper": "Paper:",
    "pair.similar": "similar pair",
    "pair.dissimilar": "dissimilar pair",
    "task.detection": "Object detection",
    "task.ranking": "Ranking",
    "task.generative": "Generative (GAN)",
    "axis.log_rate": "log-rate",
    "axis.offset": "box offset",
    "axis.cosine": "cosine",
    "axis.gap": "score gap",
    "axis.generator": "generator's loss",
    "axis.discriminator": "discriminator's loss",
    "axis_title.log_rate": "predicted log-rate log λ̂ (count y = 3)",
    "axis_title.offset": "predicted box's offset, in box widths",
    "axis_title.cosine": "cosine similarity",
    "axis_title.gap": "score gap s⁺ − s⁻",
    "axis_title.generator": "discriminator's logit f on a generated sample",
    "axis_title.discriminator": "discriminator's logit f on a generated sample",
    "view.detection": "The true box is the unit square; a predicted box of the same size slides along x. At offset 0 they match; beyond ±1 they no longer overlap, and only the penalty term still pulls.",
    "view.ranking": "One pair: the preferred item scores s⁺, the other s⁻, and the axis is their gap.",
    "view.generative": "The discriminator's logit f on a generated sample; for the discriminator's losses a real sample's logit is fixed at r = 2. Far left, the discriminator sees through the fake: that is where training starts.",
    "slope.regression.log_rate": "Right panel: d loss / d x, the gradient with respect to the predicted log-rate x, which is eˣ − y.",
    "slope.detection.offset": "Right panel: d loss / d offset, the sum of the gradients with respect to the predicted box's x1 and x2, which move together.",
    "slope.embedding.cosine": "Right panel: d loss / d cosine as the second vector (for InfoNCE, every anchor) turns. The formulas below are the gradients with respect to the embeddings.",
    "slope.ranking.gap": "Right panel: d loss / d s⁺, the gradient with respect to the preferred item's score; the other score's gradient is its negative.",
    "slope.generative.generator": "Right panel: d loss / d f, the generator's gradient through the fake's logit. The minimax curve flattens to 0 on the left, where the discriminator rejects the fakes; the non-saturating loss keeps a slope near −1 there.",
    "slope.generative.discriminator": "Right panel: d loss / d f, the discriminator's gradient through the fake's logit, with the real sample's logit fixed at 2.",
    "name.smooth_l1": "Smooth L1",
    "name.poisson_nll": "Poisson NLL",
    "name.gaussian_nll": "Gaussian NLL",
    "name.giou": "GIoU",
    "name.diou": "DIoU",
    "name.nll": "NLL",
    "name.multi_margin": "Multi-class margin",
    "name.soft_margin": "Soft margin",
    "name.squared_hinge": "Squared hinge",
    "name.multilabel_soft_margin": "Multi-label soft margin",
    "name.focal_tversky": "Focal Tversky",
    "name.js": "Jensen–Shannon",
    "name.contrastive": "Contrastive",
    "name.cosine_embedding": "Cosine embedding",
    "name.info_nce": "InfoNCE",
    "name.margin_ranking": "Margin ranking",
    "name.bpr": "BPR",
    "name.gan": "GAN losses",
    "name.gan_non_saturating": "Non-saturating",
    "name.gan_minimax": "Minimax",
    "name.gan_hinge": "Hinge (GAN)",
    "name.gan_wasserstein": "Wasserstein",
    "param.var": "variance σ²",
    "param.temperature": "temperature τ",
    "param.negatives": "negatives K",
    "help.smooth_l1.beta": "Residual size where the loss turns from quadratic to linear; the linear part keeps slope 1.",
    "help.gaussian_nll.var": "Variance of the predicted Gaussian: a small variance makes every miss costly.",
    "help.multi_margin.margin": "How far the true class's score must lead every other class's score: the margin.",
    "help.focal_tversky.alpha": "Price of false positives.",
    "help.focal_tversky.beta": "Price of false negatives.",
    "help.focal_tversky.gamma": "Exponent on 1 − TI: below 1 it keeps pressing on images that are almost right.",
    "help.focal_tversky.smooth": "Added to numerator and denominator: keeps empty masks defined and softens small objects.",
    "help.contrastive.margin": "Distance beyond which a dissimilar pair costs nothing: the margin.",
    "help.cosine_embedding.margin": "Cosine below which a dissimilar pair costs nothing: the margin.",
    "help.info_nce.temperature": "Divides the cosines: a lower temperature sharpens the softmax over the batch.",
    "help.info_nce.negatives": "Negatives in the batch beside the positive.",
    "help.margin_ranking.margin": "How far the preferred item's score must lead: the margin.",
    "nav.landscape": "Landscape & monitor",
    "home.landscape": "See the surface a loss makes over a line's slope and intercept and the paths four optimizers take on it; then read a training curve: overfitting, underfitting and early stopping.",
    "landscape.title": "Landscape & monitor",
    "landscape.view": "What to show",
    "landscape.view_surface": "Loss surface and optimizer paths",
    "landscape.view_monitor": "Training monitor",
    "landscape.surface_intro": "Every point of a map is a line (slope, intercept); its shade is the loss of that line on the data. Gradient descent, momentum, Nesterov and Adam start from the same point, with the same learning rate, and walk downhill: press Play to watch them.",
    "landscape.features": "Feature scale",
    "landscape.features.scaled": "x on [−3, 3]",
    "landscape.features.unscaled": "x on [4, 16] (unscaled)",
    "landscape.left": "Left surface",
    "landscape.right": "Right surface",
    "landscape.lr": "learning rate",
    "landscape.lr_help": "Step size of every optimizer. Too large and the paths zig-zag across the valley or diverge.",
    "landscape.momentum": "momentum",
    "landscape.momentum_help": "Momentum and Nesterov: the share of the last step kept in the next.",
    "landscape.epochs": "steps",
    "landscape.epochs_help": "Steps of every optimizer.",
    "landscape.start_slope": "start: slope",
    "landscape.start_slope_help": "Slope of the line every optimizer starts from.",
    "landscape.start_intercept": "start: intercept",
    "landscape.start_intercept_help": "Intercept of the line every optimizer starts from.",
    "landscape.preset_valley": "Elongated valley: unscaled x",
    "landscape.preset_valley_help": "x on [4, 16] instead of [−3, 3]: slope and intercept now trade off, and the valley is long and narrow. Gradient descent needs a small learning rate to stay stable across it and then crawls along it; the table shows how far each optimizer gets.",
    "landscape.preset_nag": "Outliers: MSE against Huber",
    "landscape.preset_nag_help": "10 % vertical outliers, MSE on the left and Huber on the right, the settings of seed 003's experiment below.",
    "landscape.slope": "slope",
    "landscape.intercept": "intercept",
    "landscape.loss": "loss",
    "landscape.truth": "true line",
    "landscape.start": "start",
    "landscape.lowest": "lowest point of the map",
    "landscape.diverged_one": "{optimizer} on {loss} at step {step}",
    "landscape.diverged": "Diverged: {runs}. The path stops where the loss blew up; lower the learning rate to keep it on the map.",
    "landscape.paths_table": "Where each path ends: the loss there and its distance from the true line",
    "landscape.look_for": "**What to look for.** Outliers move MSE's valley (its lowest point) away from the true line; MAE's map has creases where a data point's residual changes sign, and its valley stays near the truth. On the elongated valley, gradient descent zig-zags or crawls, while momentum builds up speed along it. Adam's step is about the learning rate in each coordinate whatever the slope, so at a small rate it moves slowly too.",
    "landscape.nag_title": "Seed 003's experiment: Nesterov momentum on MSE, MAE and Huber",
    "landscape.nag_help": "The same data, the same start and the settings above, with Nesterov momentum on each of the three losses: how far each fit ends from the true line.",
    "landscape.nag_run": "Run the experiment",
    "landscape.nag_result": "With Nesterov momentum ({steps} steps at learning rate {lr}), {closest} ends closest to the true line ({distance} away) and {farthest} farthest ({far}).",
    "column.optimizer": "optimizer",
    "column.final_loss": "final loss",
    "column.distance": "distance from the true line",
    "landscape.monitor_intro": "A polynomial fitted to a few noisy samples of a wave. With a high degree and few points it can learn the noise: watch the training loss keep falling while the validation loss turns up.",
    "landscape.tab_data": "Data",
    "landscape.tab_model": "Model",
    "landscape.tab_training": "Training",
    "landscape.train_points": "training points",
    "landscape.train_points_help": "Training points; the validation set always has 200.",
    "landscape.curve_noise": "noise",
    "landscape.curve_noise_help": "Standard deviation of the noise around the true curve.",
    "landscape.seed": "random seed",
    "landscape.seed_help": "Random seed: the same seed gives the same data.",
    "landscape.degree": "polynomial degree",
    "landscape.degree_help": "Degree of the polynomial: its number of coefficients minus one.",
    "landscape.weight_decay": "weight decay (L2)",
    "landscape.weight_decay_help": "L2 penalty on the coefficients (not on the constant term): it keeps the curve from bending to every point.",
    "landscape.monitor_lr": "learning rate",
    "landscape.monitor_lr_help": "Step size of the optimizer.",
    "landscape.monitor_epochs": "epochs",
    "landscape.monitor_epochs_help": "Passes over the training data.",
    "landscape.patience": "patience",
    "landscape.patience_help": "Epochs without a new lowest validation loss before early stopping ends training.",
    "landscape.chart_loss": "mean squared error",
    "landscape.chart_train": "training loss",
    "landscape.chart_validation": "validation loss",
    "landscape.chart_best": "lowest validation loss",
    "landscape.chart_stop": "early stopping",
    "landscape.chart_truth": "true curve",
    "landscape.chart_train_points": "training points",
    "landscape.chart_val_points": "validation points",
    "landscape.chart_best_fit": "fit at the lowest validation loss",
    "landscape.chart_last_fit": "fit at the last epoch",
    "landscape.verdict_intro": "**What these curves say**, from their own numbers:",
    "monitor.verdict.training_problem": "A training problem: the training loss did not fall (it started at {start_train} and ended at {final_train}, or the run diverged). When both curves rise together the cause is the training, such as too high a learning rate, not a model too simple.",
    "monitor.verdict.overfitting": "Overfitting: the validation loss ended at {final_val}, well above its lowest value {best_val} at epoch {best_epoch}, while the training loss kept falling to {final_train}.",
    "monitor.verdict.underfitting": "Underfitting: the training loss stays at {final_train}, well above the noise variance {floor} that the data allow, and the validation loss ({final_val}) is as high: a more flexible model, a higher degree or less weight decay, would fit better.",
    "monitor.verdict.good_fit": "A good fit: the training loss ({final_train}) is close to the noise variance {floor}, and the validation loss ({final_val}) stays near its lowest value.",
    "monitor.best": "The validation loss is lowest at epoch {epoch}, at {share}× its final value.",
    "monitor.stops": "Early stopping with patience {patience} ends training at epoch {stop} and keeps the model of epoch {best}.",
    "monitor.no_stop": "Early stopping with patience {patience} would not end training before the last epoch; it would keep the model of epoch {best}.",
    "landscape.diagnosis_title": "Reading training curves",
    "landscape.diagnosis_help": "Four shapes a pair of curves takes. Each button loads settings that produce it. Common guides call both curves rising underfitting; it is a training problem.",
    "landscape.kind.underfitting": "Underfitting",
    "landscape.kind.good_fit": "Good fit",
    "landscape.kind.overfitting": "Overfitting",
    "landscape.kind.training_problem": "Training problem",
    "landscape.signs.underfitting": "Both losses level off high, close together, far above the noise.",
    "landscape.signs.good_fit": "Both level off low, near the noise variance, close together.",
    "landscape.signs.overfitting": "Training loss keeps falling; validation loss reaches a low and turns up.",
    "landscape.signs.training_problem": "Both rise or jump about, or the run diverges.",
    "landscape.remedy.underfitting": "A more flexible model: a higher degree, less weight decay; train longer.",
    "landscape.remedy.good_fit": "Keep it; early stopping adds a safety net.",
    "landscape.remedy.overfitting": "More data, weight decay, a simpler model, or early stopping at the lowest validation loss.",
    "landscape.remedy.training_problem": "Lower the learning rate, or switch to an adaptive optimizer such as Adam.",
    "landscape.show_me": "Show me",
    "landscape.show_me_help": "Load settings that produce this shape: {kind}.",
    "regression.see_surface": "See its loss surface",
    "nav.distributions": "Distributions lab",
    "home.distributions": "Fit one Gaussian to a target with several modes by forward KL, reverse KL and Jensen–Shannon and watch where each settles; then see what a distillation temperature does to a teacher's targets.",
    "distributions.title": "Distributions lab",
    "distributions.view": "What to show",
    "distributions.view_kl": "Forward vs reverse KL",
    "distributions.view_distill": "Distillation temperature",
    "distributions.tab_target": "Target",
    "distributions.tab_fit": "Fit",
    "distributions.modes": "modes",
    "distributions.modes_help": "Number of modes (peaks) of the target distribution p.",
    "distributions.separation": "separation",
    "distributions.separation_help": "Distance between neighbouring modes; each mode has a standard deviation of 0.6.",
    "distributions.first_weight": "weight of the first mode",
    "distributions.first_weight_help": "Share of the leftmost mode; the other modes share the rest equally.",
    "distributions.start_mean": "start: mean of q",
    "distributions.start_mean_help": "Mean the Gaussian q starts from; its standard deviation starts at 1.",
    "distributions.lr": "learning rate",
    "distributions.lr_help": "Step size of Adam, which fits the mean and the log standard deviation of q.",
    "distributions.epochs": "epochs",
    "distributions.epochs_help": "Adam steps of every fit.",
    "distributions.kl_intro": "The shaded curve is the target p, a mixture of Gaussians. One Gaussian q is fitted to it three ways from the same start: by KL(p‖q), by KL(q‖p) and by Jensen–Shannon. Press Play to watch the fits move.",
    "distributions.probability": "probability",
    "distributions.target": "target p",
    "distributions.divergence.forward": "forward KL(p‖q)",
    "distributions.divergence.reverse": "reverse KL(q‖p)",
    "distributions.divergence.js": "Jensen–Shannon",
    "distributions.covers_intro": "**Where each fit ended** (a mode counts as covered when q puts {share} or more of its mass nearest it):",
    "distributions.covers.forward": "Forward KL(p‖q) ends at mean {mean}, standard deviation {std}: it covers {count} of the {total} modes ({modes}; q's mass per mode: {shares}), and its value is {value}.",
    "distributions.covers.reverse": "Reverse KL(q‖p) ends at mean {mean}, standard deviation {std}: it covers {count} of the {total} modes ({modes}; q's mass per mode: {shares}), and its value is {value}.",
    "distributions.covers.js": "Jensen–Shannon ends at mean {mean}, standard deviation {std}: it covers {count} of the {total} modes ({modes}; q's mass per mode: {shares}), and its value is {value}.",
    "distributions.kl_look_for": "**What to look for.** Forward KL(p‖q) charges q wherever p has mass and q has little, so q stretches over every mode and its mean sits at p's mean, between the modes: mean-seeking. Reverse KL(q‖p) charges q wherever q has mass and p has little, so q avoids the gaps and may settle on one mode: mode-seeking. Which mode, or whether it spreads after all, depends on the start and on how deep the gap is; the sentences above say what happened here.",
    "distributions.distill_intro": "A teacher's logits for five classes, softened by a temperature T: softmax(z / T). A student trained on these soft targets learns how the teacher ranks the wrong classes, not only which class is right (Hinton et al. 2015).",
    "distributions.temperature": "temperature T",
    "distributions.temperature_help": "Divides the logits before the softmax: the higher, the softer the targets.",
    "distributions.confidence": "teacher's confidence",
    "distributions.confidence_help": "Scales the teacher's logits: the larger, the surer the teacher.",
    "distributions.class": "class {number}",
    "distributions.sharp": "teacher at T = 1",
    "distributions.soft": "teacher at T = {temperature}",
    "distributions.gradient": "gradient norm by the student's logits",
    "distributions.raw": "soft loss as it is",
    "distributions.scaled": "soft loss × T²",
    "distributions.student.teacher": "the teacher itself",
    "distributions.student.half": "half as confident as the teacher",
    "distributions.student.hard": "learned only the top class",
    "distributions.student.uniform": "knows nothing (equal logits)",
    "column.student": "student",
    "column.kl_at": "KL at T = {label}",
    "column.gradient_norm": "gradient norm",
    "column.scaled_norm": "gradient norm × T²",
    "distributions.entropy": "The teacher's distribution has an entropy of {sharp} nats at T = 1 and {soft} nats at T = {temperature} (at most {most}, when all five classes are equal).",
    "distributions.t_squared": "The gradient of the soft loss by the student's logits shrinks about like 1/T²: from T = {low} to T = {high} it falls {raw}-fold. Multiplying the soft loss by T², as Hinton et al. do, keeps its gradient in scale (it changes {scaled}-fold over the same range), so the soft and the hard-label losses can be mixed with one weight whatever the temperature.",
    "distributions.class_axis": "class",
    "gallery.see_it_train": "See it fit a distribution in the distributions lab",
}
