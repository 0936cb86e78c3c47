"""The lessons' English strings (lossviz.lessons): the step panel's words, and each lesson's title,
steps, questions, choices and the sentences its measured answers fill in."""

STRINGS = {
    # the step panel
    "lesson.step_of": "Step {step} of {steps}",
    "lesson.changed": "This step set {changes}.",
    "lesson.unchanged": "This step keeps the settings of the step before.",
    "lesson.runs": "It runs the experiment below for you, which takes a few seconds.",
    "lesson.read": ("Answer from the part of the page outlined in orange below; the controls this step set are "
                    "outlined too."),
    "lesson.reveal": "Show the answer",
    "lesson.previous": "← Previous",
    "lesson.next": "Next →",
    "lesson.done": "Back to the lessons",
    "lesson.present": "Presenter mode",
    "lesson.qr": "Scan to open this step",
    "lesson.qr_alt": "QR code of this step's link, {address}",
    "lesson.measuring": "Measuring the answer…",
    "lesson.answer": "Measured answer: {choice}.",
    "lesson.right": "Your choice agrees with the numbers.",
    "lesson.not_right": "You chose {picked}; the numbers say otherwise.",
    "lesson.handout": "Handout",
    "lesson.handout_md": "Markdown ({language})",
    "lesson.handout_html": "A page to print, A4 ({language})",
    "lesson.handout_intro": ("{steps} steps, about {minutes} minutes. Open each step's link, answer its question from "
                             "what the page shows, then press Show the answer to see what LossViz measured."),
    "lesson.handout_answer": "Your answer",
    "lesson.handout_link": "Link",
    "lesson.choice.yes": "Yes",
    "lesson.choice.no": "No",
    # sentences several lessons' answers share
    "lesson.one_data_set": "Measured on the one data set the page shows (seed {seed}); another seed can give other numbers.",
    "lesson.regression.row": "The slope and intercept errors of {loss}: {slope} and {intercept}.",
    "lesson.classification.recall": "{method}: minority recall {value}.",
    "lesson.classification.pr_auc": "{method}: PR-AUC {value}.",
    "lesson.classification.calibration_error": "{method}: calibration error {value}.",
    "lesson.classification.counts": ("Measured on one data set (seed {seed}), whose validation split has {points} "
                                     "points, {minority} of them in the minority class."),
    "lesson.segmentation.mask_recall": "{loss}: recall {value} at threshold 0.5.",
    "lesson.segmentation.dice": "{loss}: Dice score {value} at threshold 0.5.",

    # outliers
    "lesson.outliers.title": "Outliers pull MSE",
    "lesson.outliers.clean.title": "No outliers yet",
    "lesson.outliers.clean.question": ("With no outliers, do all three lines end with their slope within 0.1 of the "
                                       "true slope?"),
    "lesson.outliers.clean.answer": ("Measured on this data set (seed {seed}); the question's bound on the slope "
                                     "error is {close}."),
    "lesson.outliers.vertical.title": "One point in five is an outlier",
    "lesson.outliers.vertical.question": "At 20% outliers, which loss's line ends farthest from the true line?",
    "lesson.outliers.vertical.answer": "{loss} ended farthest from the true line on this data set (seed {seed}).",
    "lesson.outliers.leverage.title": "Outliers far out along x",
    "lesson.outliers.leverage.question": ("Now the outliers lie far out along x (leverage points). Does MAE's line "
                                          "still keep its slope error under 0.5?"),
    "lesson.outliers.leverage.answer": ("MAE's slope error is {slope}; the lab counts a fit as broken down beyond "
                                        "{threshold}. MAE caps how hard a far residual pulls, but a point far out "
                                        "along x still turns the line."),
    "lesson.outliers.sweep.title": "Over five data sets",
    "lesson.outliers.sweep.question": ("The sweep raises the outlier fraction from 0 to 50% on five data sets each. "
                                       "Which loss breaks down first?"),
    "lesson.outliers.sweep.answer": ("A fit counts as broken down when its mean error over {seeds} data sets exceeds "
                                     "{threshold}, or when most of its runs diverge."),

    # Huber's delta
    "lesson.huber_delta.title": "Huber's δ, the right way round",
    "lesson.huber_delta.large.title": "30% outliers, δ = 2",
    "lesson.huber_delta.large.question": "Is Huber's error at δ = 2 nearer MAE's or MSE's?",
    "lesson.huber_delta.near.answer": "With δ = {delta}, Huber's distance from the true line is nearer {loss}'s.",
    "lesson.huber_delta.small.title": "A smaller δ",
    "lesson.huber_delta.small.question": "Lower δ to 0.5. Does Huber's line end closer to the true line than at δ = 2?",
    "lesson.huber_delta.small.answer": ("On this data set (seed {seed}), Huber ended {now} from the true line at "
                                        "δ = {delta} and {then} at δ = {before} (slope and intercept together)."),
    "lesson.huber_delta.top.title": "δ at the slider's top",
    "lesson.huber_delta.top.question": "Raise δ to 10. Is Huber's error now nearer MAE's or MSE's?",
    "lesson.huber_delta.seeds.title": "Is it more than one data set?",
    "lesson.huber_delta.seeds.question": ("Over five data sets with 30% outliers, does δ = 0.5 end closer to the true "
                                          "line than δ = 2 by more than the spread?"),

    # imbalance
    "lesson.imbalance.title": "A rare class: recall and PR-AUC",
    "lesson.imbalance.ratio_10.title": "One positive in eleven",
    "lesson.imbalance.ratio_10.question": ("At 1:10, which method finds the most of the minority class at threshold "
                                           "0.5 (minority recall)?"),
    "lesson.imbalance.bce_100.title": "One positive in a hundred and one",
    "lesson.imbalance.bce_100.question": "At 1:100, does plain BCE find at least half of the minority class?",
    "lesson.imbalance.pr_auc.title": "A measure with no threshold",
    "lesson.imbalance.pr_auc.question": ("Read PR-AUC, which ranks the samples without a threshold. Is weighted BCE's "
                                         "higher than BCE's by more than 0.05?"),
    "lesson.imbalance.pr_auc.answer": ("Weighted BCE's PR-AUC minus BCE's is {gap}; the question asks about a gap "
                                       "over {clear}."),
    "lesson.imbalance.sweep.title": "Five seeds, two measures",
    "lesson.imbalance.sweep.question": ("Over five seeds at 1:100, the sweep tests focal loss against weighted BCE. Do "
                                        "recall at threshold 0.5 and PR-AUC reach the same verdict?"),

    # focal's gamma
    "lesson.focal_gamma.title": "What focal loss's γ does",
    "lesson.focal_gamma.groups": "{method}, its share of the total by pₜ group: {groups}.",
    "lesson.focal_gamma.shares": ("{method}: {easy} of its total loss comes from the easiest points (pₜ 0.75–1), "
                                  "{hard} from the hardest (pₜ 0–0.25)."),
    "lesson.focal_gamma.bin.0": "pₜ 0–0.25 (badly wrong)",
    "lesson.focal_gamma.bin.1": "pₜ 0.25–0.5",
    "lesson.focal_gamma.bin.2": "pₜ 0.5–0.75",
    "lesson.focal_gamma.bin.3": "pₜ 0.75–1 (easy)",
    "lesson.focal_gamma.gamma_0.title": "γ = 0 and α = 0.5",
    "lesson.focal_gamma.gamma_0.question": ("With γ = 0 and α = 0.5, focal loss is half of BCE. Do the two take the "
                                            "same share of their total from every pₜ group?"),
    "lesson.focal_gamma.gamma_2.title": "γ = 2, the paper's choice",
    "lesson.focal_gamma.gamma_2.question": ("At γ = 2 (α back at 0.25), does focal loss take a smaller share of its "
                                            "total from the easy points than BCE does?"),
    "lesson.focal_gamma.gamma_5.title": "γ = 5",
    "lesson.focal_gamma.gamma_5.question": "At γ = 5, which pₜ group gives focal loss the largest share of its total?",
    "lesson.focal_gamma.balanced.title": "Balanced classes",
    "lesson.focal_gamma.balanced.question": ("With balanced classes (1:1) and γ = 2, does focal loss still take less "
                                             "from the easy points than BCE?"),

    # calibration
    "lesson.calibration.title": "Probabilities you can trust",
    "lesson.calibration.balanced.title": "Balanced classes",
    "lesson.calibration.balanced.question": ("With balanced classes, is BCE's calibration error under 0.05 (its "
                                             "probabilities come true about as often as they say)?"),
    "lesson.calibration.balanced.answer": "BCE's calibration error is {error}; the question's bound is {calibrated}.",
    "lesson.calibration.ratio_10.title": "At 1:10",
    "lesson.calibration.ratio_10.question": "At 1:10, whose probabilities are best calibrated (lowest calibration error)?",
    "lesson.calibration.ratio_100.title": "At 1:100",
    "lesson.calibration.ratio_100.question": "At 1:100, whose calibration error is the highest?",
    "lesson.calibration.sweep.title": "Five seeds at 1:10 and 1:100",
    "lesson.calibration.sweep.question": ("Over five seeds, is BCE better calibrated than weighted BCE at both 1:10 "
                                          "and 1:100, by more than the spread?"),

    # small objects
    "lesson.small_objects.title": "Small objects in segmentation",
    "lesson.small_objects.one_percent.title": "Objects cover 1% of the image",
    "lesson.small_objects.one_percent.question": "At 1% foreground, which loss has the lowest recall at threshold 0.5?",
    "lesson.small_objects.large.title": "Objects cover 20%",
    "lesson.small_objects.large.question": ("At 20% foreground, does BCE's Dice score come within 0.1 of Dice loss's "
                                            "at threshold 0.5?"),
    "lesson.small_objects.large.answer": "The question counts Dice scores within {near} of each other as equally good.",
    "lesson.small_objects.tversky.title": "Tversky: misses cost more",
    "lesson.small_objects.tversky.question": ("Tversky with α = 0.3 and β = 0.7 charges a missed pixel more than a "
                                              "false alarm. Is its recall at threshold 0.5 higher than Dice loss's?"),
    "lesson.small_objects.sweep.title": "Three seeds per size",
    "lesson.small_objects.sweep.question": ("The sweep shrinks the objects down to 0.1% of the image, over three seeds. "
                                            "At 0.1%, does Dice loss keep more of the object than BCE?"),

    "lesson.small_objects.combined.title": "Dice + BCE",
    "lesson.small_objects.combined.question": ("A common recipe adds BCE to Dice loss. Over three seeds at 1% foreground, "
                                               "does Dice + BCE keep more of the object than Dice alone, by more "
                                               "than the spread?"),

    # KL's direction and distillation
    "lesson.kl_direction.title": "KL's two directions, and distillation's temperature",
    "lesson.kl_direction.both": "Both",
    "lesson.kl_direction.apart.title": "Two modes, four apart",
    "lesson.kl_direction.apart.question": "One Gaussian is fitted to two modes. Which divergence's fit covers both?",
    "lesson.kl_direction.close.title": "The modes move together",
    "lesson.kl_direction.close.question": "With the modes 1.5 apart, does reverse KL's fit now cover both?",
    "lesson.kl_direction.soft.title": "Distillation at T = 4",
    "lesson.kl_direction.soft.question": ("At temperature 4, are the teacher's soft targets more spread out (higher "
                                          "entropy) than at T = 1?"),
    "lesson.kl_direction.t_squared.title": "Why the loss is multiplied by T²",
    "lesson.kl_direction.t_squared.question": ("Without the T² factor, how much smaller is the gradient at T = 20 than "
                                               "at T = 1?"),
    "lesson.kl_direction.t_squared.none": "About the same",
    "lesson.kl_direction.t_squared.tens": "Tens of times smaller",
    "lesson.kl_direction.t_squared.hundreds": "Hundreds of times smaller",

    # mining
    "lesson.mining.title": "Which triplets to train on",
    "lesson.mining.undecided": "These runs do not decide",
    "lesson.mining.all.title": "All triplets",
    "lesson.mining.all.question": ("Training on all triplets, does the share of triplets that still count (loss "
                                   "above zero) fall during training?"),
    "lesson.mining.batch_hard.title": "Batch-hard",
    "lesson.mining.batch_hard.question": ("With batch-hard mining (each anchor's hardest negative), do more than half "
                                          "of the triplets still count at the end?"),
    "lesson.mining.margin.title": "A wider margin",
    "lesson.mining.margin.question": ("Raise the margin from 1 to 3 (semi-hard mining). Do more triplets count at "
                                      "the start of training?"),
    "lesson.mining.compare.title": "Three runs per strategy",
    "lesson.mining.compare.question": "Over three runs, does semi-hard mining beat all triplets on recall@1?",

    # optimizers on the landscape
    "lesson.landscape.title": "Optimizers on a loss surface",
    "lesson.landscape.valley.title": "A long, narrow valley",
    "lesson.landscape.valley.question": ("On MSE's stretched valley (the feature not scaled), which ends closer to the "
                                         "true line after 200 steps?"),
    "lesson.landscape.valley.answer": ("After {steps} steps on MSE, gradient descent ended {gd} from the true line and "
                                       "momentum {momentum}."),
    "lesson.landscape.lr_high.title": "A larger learning rate",
    "lesson.landscape.lr_high.question": "Raise the learning rate to 0.02. Does gradient descent on MSE diverge?",
    "lesson.landscape.lr_high.diverged": "At learning rate {lr}, gradient descent on MSE diverged at step {at}.",
    "lesson.landscape.lr_high.kept": ("At learning rate {lr}, gradient descent on MSE did not diverge; it ended "
                                      "{distance} from the true line."),
    "lesson.landscape.scaled.title": "Scale the feature",
    "lesson.landscape.scaled.question": ("Scale the feature (learning rate 0.005 again). Does gradient descent on MSE "
                                         "end closer to the true line than on the stretched valley?"),
    "lesson.landscape.scaled.answer": ("Gradient descent on MSE ended {now} from the true line with the feature scaled, "
                                       "against {before} without."),
    "lesson.landscape.nag.title": "Nesterov on three losses",
    "lesson.landscape.nag.question": ("Nesterov runs from one start on MSE, MAE and Huber at 10% outliers. Which ends "
                                      "farthest from the true line?"),

    # the training monitor
    "lesson.monitor.title": "Reading a training monitor",
    "lesson.monitor.good_fit.title": "A degree-6 polynomial",
    "lesson.monitor.good_fit.question": "By the rule under the chart, what does this run show?",
    "lesson.monitor.underfitting.title": "A straight line",
    "lesson.monitor.underfitting.question": "Now the model is a straight line. What does the run show?",
    "lesson.monitor.overfitting.title": "Few points, a flexible model",
    "lesson.monitor.overfitting.question": "Few points and a high degree. What does the run show?",
    "lesson.monitor.early_stop.title": "Early stopping",
    "lesson.monitor.early_stop.question": ("Does early stopping keep a model from well before the last epoch, the one "
                                           "with the lowest validation loss?"),
    "lesson.monitor.training_problem.title": "A learning rate far too high",
    "lesson.monitor.training_problem.question": "Both curves shoot up. What does the run show?",

    # where common sources go wrong
    "lesson.mistakes.title": "Where common sources go wrong",
    "lesson.mistakes.bce_sign.title": "The sign inside BCE",
    "lesson.mistakes.bce_sign.question": ("Write BCE with a minus between its two terms, as a common source does. What "
                                          "does a negative sample predicted at p = 0.9 then cost?"),
    "lesson.mistakes.bce_sign.positive": "A large positive loss",
    "lesson.mistakes.bce_sign.negative": "A negative loss: the confident wrong answer is rewarded",
    "lesson.mistakes.cce_gradient.title": "The cross-entropy gradient",
    "lesson.mistakes.cce_gradient.question": "Which is ∂L/∂ŷ of −Σ y log ŷ for the true class?",
    "lesson.mistakes.cce_gradient.minus": "−y/ŷ (negative)",
    "lesson.mistakes.cce_gradient.ratio": "ŷ/y (positive)",
    "lesson.mistakes.focal_alpha.title": "Focal loss's α",
    "lesson.mistakes.focal_alpha.question": ("With α = 0.25, a positive and a negative sample both have pₜ = 0.6. Which "
                                             "costs more?"),
    "lesson.mistakes.focal_alpha.positive": "The positive sample",
    "lesson.mistakes.focal_alpha.negative": "The negative sample",
    "lesson.mistakes.focal_alpha.same": "Both the same",
    "lesson.mistakes.mse_example.title": "A printed MSE value",
    "lesson.mistakes.mse_example.question": "For ŷ = (2.5, 3.0, 1.8) and y = (3.0, 2.8, 2.1), which value is the MSE?",
    "lesson.mistakes.mse_example.full": "0.1267, the mean of the squared errors",
    "lesson.mistakes.mse_example.half": "0.0633, the value a common source prints",
    "lesson.mistakes.huber_delta.title": "Which way to move Huber's δ",
    "lesson.mistakes.huber_delta.question": "With more outliers, should Huber's δ get smaller or larger?",
    "lesson.mistakes.huber_delta.smaller": "Smaller",
    "lesson.mistakes.huber_delta.larger": "Larger",
    "lesson.mistakes.huber_delta.undecided": "These data sets do not decide",
    "lesson.mistakes.rising_curves.title": "Both curves rising",
    "lesson.mistakes.rising_curves.question": ("Training and validation loss both rise from the first epoch. Is the "
                                               "model too simple, or is the training at fault?"),
    "lesson.mistakes.rising_curves.underfitting": "The model is too simple (underfitting)",
    "lesson.mistakes.rising_curves.training": "The training is at fault (such as the learning rate)",

    # the workbench
    "lesson.workbench.title": "Your own loss in the workbench",
    "lesson.workbench.type.title": "Type a loss",
    "lesson.workbench.type.question": ("The formula log(1 + r**2) is typed in. Does the workbench find anything wrong "
                                       "with it as a loss?"),
    "lesson.workbench.not_a_loss.title": "Something that is not a loss",
    "lesson.workbench.not_a_loss.question": "Now the formula is r alone. Does the workbench find something wrong?",
    "lesson.workbench.train.title": "Train with it",
    "lesson.workbench.train.question": ("Trained on data with 20% outliers, does your loss end closer to the true line "
                                        "than MSE?"),
    "lesson.workbench.huber.title": "Huber, typed by hand",
    "lesson.workbench.huber.question": ("The formula is Huber's with a = 1. Does it end at the same line as the built-in "
                                        "Huber (the same errors to three decimals)?"),
}
