"""English loss cards: when to use each loss and when not, and its row in its task's comparison
table (robustness, what it needs from the data, how its gradient behaves). The new losses' main
text (`about.*`) is here too."""

CARDS = {
    # --- regression ---
    "mse": {
        "use": "the noise is roughly Gaussian and the data are clean; you want the mean.",
        "avoid": "a few targets are wildly wrong: they dominate the total.",
        "robust": "low: a residual's pull grows with its size",
        "needs": "real targets",
        "gradient": "grows linearly with the residual, 0 at the optimum",
    },
    "mae": {
        "use": "outliers are expected and the median is a good answer.",
        "avoid": "you need a smooth fit near the optimum: its gradient keeps full size there.",
        "robust": "high: every residual pulls with the same force",
        "needs": "real targets",
        "gradient": "constant size, flips sign at 0",
    },
    "huber": {
        "use": "the data are mostly clean with some outliers; δ ≈ 1.35 × the noise's standard deviation.",
        "avoid": "you cannot guess the noise scale, so no δ fits.",
        "robust": "high beyond δ",
        "needs": "real targets and a scale for δ",
        "gradient": "linear up to δ, then capped at δ",
    },
    "log_cosh": {
        "use": "you want Huber's behaviour without a threshold to tune, and a gradient with no kink.",
        "avoid": "residuals are tiny compared with 1: it then acts as half the squared error.",
        "robust": "high for residuals far above 1",
        "needs": "real targets on a scale near 1",
        "gradient": "smooth, bounded by 1 (tanh of the residual)",
    },
    "quantile": {
        "use": "you want an upper or lower band (q = 0.9 or 0.1) instead of the mean.",
        "avoid": "you need one central prediction with Gaussian noise: MSE is more efficient.",
        "robust": "high: like MAE",
        "needs": "real targets and the quantile q",
        "gradient": "two constants, q and 1 − q, by the residual's sign",
    },
    "barron": {
        "use": "you want to choose (or learn) how strongly large residuals are ignored.",
        "avoid": "a simple, well-known loss will do: two parameters are more to tune.",
        "robust": "set by α: the lower α, the more robust",
        "needs": "real targets and a scale c",
        "gradient": "bounded for α ≤ 1; for α < 1 it falls back toward 0 on large residuals",
    },
    "smooth_l1": {
        "about": ("Huber divided by its threshold β: a parabola for residuals under β, and a line of slope 1 beyond. "
                  "Shrinking β turns it into MAE (Huber would shrink toward zero instead), so β only sets how wide "
                  "the smooth bottom is. Fast R-CNN used it for box offsets, and detection code still does."),
        "use": "you want MAE's robustness with a smooth minimum, as in a detector's box regression.",
        "avoid": "your framework's Huber is what the rest of the code expects: the two differ by the factor β.",
        "robust": "high beyond β",
        "needs": "real targets and a scale for β",
        "gradient": "r / β up to β, then ±1",
    },
    "gaussian_nll": {
        "about": ("The negative log-likelihood of a Gaussian with mean ŷ and variance σ², without the constant "
                  "½ log 2π. With σ² fixed, as here, it is the squared error divided by 2σ² plus ½ log σ², so "
                  "it fits exactly as MSE does; its point is the variance. A model that also predicts σ² per "
                  "sample learns to say where it is unsure, and pays ½ log σ² for its doubt."),
        "use": "the model should also predict how uncertain each prediction is.",
        "avoid": "the variance is a fixed number anyway: MSE gives the same fit.",
        "robust": "low, as MSE",
        "needs": "real targets and a variance > 0",
        "gradient": "r / σ², linear like MSE's",
    },
    "poisson_nll": {
        "about": ("The negative log-likelihood of counts under a Poisson model with rate λ. The model predicts the "
                  "log-rate x = log λ, so the rate stays positive, and the loss is eˣ − y x (the constant log y! is "
                  "left out). It is smallest at λ = y and lopsided: a rate too high costs about λ, a rate too low "
                  "only about −y log λ."),
        "use": "the targets are counts (visits, clicks, cells) whose spread grows with their mean.",
        "avoid": "the targets can be negative or are not counts.",
        "robust": "moderate: large counts carry large gradients",
        "needs": "counts ≥ 0; a log-rate (or a rate ≥ 0)",
        "gradient": "eˣ − y: grows exponentially above the true rate",
    },
    # --- binary ---
    "bce": {
        "use": "you need calibrated probabilities for two classes.",
        "avoid": "labels are very noisy: confident mistakes cost without bound.",
        "robust": "low to label noise",
        "needs": "labels 0/1; probabilities or logits",
        "gradient": "σ(z) − y on logits: bounded by 1",
    },
    "focal": {
        "use": "easy negatives swamp the total, as in dense detection.",
        "avoid": "you have not measured it against weighted cross-entropy on your imbalance.",
        "robust": "low to label noise: mislabelled samples look hard and keep their weight",
        "needs": "labels 0/1; α and γ",
        "gradient": "shrinks for samples already right",
    },
    "hinge": {
        "use": "you want a max-margin classifier (an SVM) and do not need probabilities.",
        "avoid": "you need probabilities or a smooth loss.",
        "robust": "moderate: grows linearly with the violation",
        "needs": "labels ±1 (or 0/1); raw scores",
        "gradient": "−y inside the margin, 0 beyond it",
    },
    "soft_margin": {
        "about": ("The logistic loss written for labels ±1: log(1 + e^(−y f)). It is the same function as binary "
                  "cross-entropy on logits, which is why the two curves coincide here. Where hinge stops at its "
                  "margin, this one keeps a small, shrinking push on examples that are already right."),
        "use": "your labels are ±1 and your model gives raw scores.",
        "avoid": "you already use BCE on logits: it is the same loss.",
        "robust": "low to label noise, as BCE",
        "needs": "labels ±1 (or 0/1); raw scores",
        "gradient": "−y σ(−y f): smooth, bounded by 1",
    },
    "squared_hinge": {
        "about": ("The hinge loss squared. It is still 0 beyond the margin, but its gradient fades to 0 at the "
                  "margin instead of jumping, and it grows with the size of a violation, so badly wrong examples "
                  "weigh more than under plain hinge. It is the L2-SVM's loss."),
        "use": "you want a margin classifier with a differentiable loss.",
        "avoid": "there are mislabelled examples: their squared violations dominate.",
        "robust": "low: violations are squared",
        "needs": "labels ±1 (or 0/1); raw scores",
        "gradient": "−2y max(0, 1 − y f): continuous, 0 beyond the margin",
    },
    "multilabel_soft_margin": {
        "about": ("One logistic loss per class, averaged over the classes: every class is its own yes/no question, "
                  "so a sample may have several labels at once (a photo with a cat and a dog). With one class it is "
                  "binary cross-entropy on logits, which is why the curves coincide here."),
        "use": "a sample can belong to several classes at once.",
        "avoid": "exactly one class is true per sample: softmax cross-entropy uses that.",
        "robust": "low to label noise, as BCE",
        "needs": "a 0/1 label per class; logits",
        "gradient": "(σ(x) − y) / C per class",
    },
    # --- multi-class ---
    "cce": {
        "use": "exactly one of several classes is true.",
        "avoid": "labels are very noisy, unless you smooth them.",
        "robust": "low to label noise; label smoothing helps",
        "needs": "class indices or one-hot rows",
        "gradient": "softmax − one-hot on logits",
    },
    "softmax_focal": {
        "use": "many easy samples of a few classes swamp the total.",
        "avoid": "classes are balanced and easy samples are not a problem.",
        "robust": "low to label noise: mislabelled samples look hard and keep their weight",
        "needs": "class indices; γ and per-class α",
        "gradient": "shrinks for samples already right",
    },
    "poly1": {
        "use": "you want to tune how hard training pushes on confident samples, with one number.",
        "avoid": "you have no validation set to choose ε on.",
        "robust": "as cross-entropy",
        "needs": "class indices; ε",
        "gradient": "cross-entropy's, scaled by 1 + ε pₜ",
    },
    "nll": {
        "about": ("The negative log-probability of the true class, read from log-probabilities the model already "
                  "computed. It does no softmax of its own: a log-softmax followed by this loss is cross-entropy "
                  "on logits, which is why its curve matches cross-entropy here. Its gradient lands on the true "
                  "class's entry only."),
        "use": "your model ends in a log-softmax (or any log-probabilities).",
        "avoid": "your model outputs logits: cross-entropy does both steps, stably.",
        "robust": "as cross-entropy",
        "needs": "class indices; log-probabilities",
        "gradient": "−1 on the true class's log-probability, 0 elsewhere",
    },
    "multi_margin": {
        "about": ("The multi-class hinge: every wrong class's score must stay a margin below the true class's. "
                  "Each violation adds linearly, and the sum is divided by the number of classes. Once the true "
                  "class leads by the margin the loss is exactly 0, so confident samples stop training."),
        "use": "you want a multi-class SVM on raw scores.",
        "avoid": "you need probabilities.",
        "robust": "moderate: linear in the violation",
        "needs": "class indices; raw scores",
        "gradient": "1/C per violating class, 0 once the margin is met",
    },
    # --- segmentation ---
    "dice": {
        "use": "the object is small compared with the image.",
        "avoid": "masks are often empty and nothing else steadies training.",
        "robust": "to class imbalance, yes",
        "needs": "0/1 masks; probabilities or logits",
        "gradient": "large and unsteady for tiny objects",
    },
    "jaccard": {
        "use": "you report IoU and want to train on it.",
        "avoid": "as Dice: tiny objects make it unsteady.",
        "robust": "to class imbalance, yes",
        "needs": "0/1 masks",
        "gradient": "similar to Dice's",
    },
    "tversky": {
        "use": "missing the object costs more than a false alarm (raise β).",
        "avoid": "false positives and negatives cost the same: Dice is simpler.",
        "robust": "to class imbalance, yes",
        "needs": "0/1 masks; α and β",
        "gradient": "as Dice's, weighted by α and β",
    },
    "dice_bce": {
        "use": "you want Dice's focus on the object and BCE's steady start.",
        "avoid": "one of the two alone already does well.",
        "robust": "to class imbalance, partly",
        "needs": "0/1 masks; the Dice share",
        "gradient": "BCE's per pixel plus Dice's per image",
    },
    "focal_tversky": {
        "about": ("Tversky's index TI raised to a power per image: (1 − TI)^γ. With γ below 1 the loss and its "
                  "gradient are larger on images that are already nearly right, so training keeps working on "
                  "small, hard objects; Abraham and Khan write the exponent as 1/γ and suggest 0.75 for it. "
                  "γ = 1 is the Tversky loss."),
        "use": "small lesions or objects are still missed when Tversky has converged.",
        "avoid": "plain Tversky or Dice already segments the small objects.",
        "robust": "to class imbalance, yes",
        "needs": "0/1 masks; α, β and γ",
        "gradient": "Tversky's, times γ (1 − TI)^(γ − 1)",
    },
    # --- detection ---
    "giou": {
        "about": ("One minus the IoU of the predicted and true boxes, plus the share of their enclosing box that "
                  "neither covers. Plain 1 − IoU is flat once the boxes stop overlapping, so a far box gets no "
                  "direction; the enclosing-box term still pulls it back. Values run from 0 (equal boxes) to 2."),
        "use": "you regress boxes and want the loss to be the overlap you are judged on.",
        "avoid": "boxes start far from their targets: Zheng et al. found it then grows the box first, and slowly.",
        "robust": "scale-invariant: small and large boxes count alike",
        "needs": "boxes (x1, y1, x2, y2) with x2 ≥ x1, y2 ≥ y1",
        "gradient": "non-zero even when the boxes do not overlap",
    },
    "diou": {
        "about": ("One minus the IoU plus the squared distance between the box centres, divided by the squared "
                  "diagonal of the enclosing box. The centre term pulls the centres together directly; Zheng et al. "
                  "report that it converges faster than GIoU, which first grows the box to cover the target."),
        "use": "you regress boxes and want the centres to converge fast.",
        "avoid": "aspect ratio matters most: CIoU adds a term for it.",
        "robust": "scale-invariant",
        "needs": "boxes (x1, y1, x2, y2) with x2 ≥ x1, y2 ≥ y1",
        "gradient": "points from centre to centre, also without overlap",
    },
    # --- distributions ---
    "kl": {
        "use": "you fit a model to a known distribution, as in distillation.",
        "avoid": "the model gives 0 where the target does not: the loss explodes.",
        "robust": "low where Q is near 0 and P is not",
        "needs": "two probability vectors per row",
        "gradient": "−P/Q: unbounded as Q → 0",
    },
    "js": {
        "about": ("The Jensen–Shannon divergence: the average KL of each distribution from their mixture "
                  "M = (P + Q)/2. It is symmetric, bounded by log 2, and finite even where one distribution has "
                  "zeros the other lacks. When the two share no outcome it sits at log 2 whatever Q does there, "
                  "which is one reason the original GAN learns slowly from distributions that do not overlap."),
        "use": "you need a symmetric, bounded distance between distributions.",
        "avoid": "the distributions may not overlap at all: it then gives no direction.",
        "robust": "high: bounded by log 2",
        "needs": "two probability vectors per row",
        "gradient": "½ log(Q / M): bounded except where Q → 0",
    },
    # --- embeddings ---
    "triplet": {
        "use": "you have triplets and care about relative distances (retrieval, faces).",
        "avoid": "you cannot mine semi-hard negatives: easy ones give no signal.",
        "robust": "moderate",
        "needs": "anchor, positive and negative embeddings",
        "gradient": "unit vectors while the margin is violated, 0 beyond",
    },
    "contrastive": {
        "about": ("The loss of siamese networks on labelled pairs: a similar pair pays ½ d², its squared distance, "
                  "and a dissimilar pair pays ½ (m − d)² only while it is closer than the margin m. The margin "
                  "stops dissimilar pairs from being pushed apart without end. Both kinds of pair are drawn."),
        "use": "you have pairs labelled same or different.",
        "avoid": "you have triplets or batches of positives: triplet or InfoNCE use them better.",
        "robust": "low for similar pairs (squared distance)",
        "needs": "a 0/1 label per pair; two embeddings",
        "gradient": "d for similar pairs; −(m − d) inside the margin for dissimilar ones",
    },
    "cosine_embedding": {
        "about": ("Compares directions only: a similar pair pays 1 − cos, a dissimilar pair pays cos − m while its "
                  "cosine is above the margin m. Lengths do not count, so it suits embeddings compared by cosine "
                  "similarity. A zero vector has cosine 0. Both kinds of pair are drawn."),
        "use": "your embeddings are compared by cosine similarity.",
        "avoid": "vector lengths carry meaning: they are ignored.",
        "robust": "high: bounded by 2",
        "needs": "a ±1 (or 0/1) label per pair; two embeddings",
        "gradient": "bounded; 0 for dissimilar pairs below the margin",
    },
    "info_nce": {
        "about": ("Each anchor must pick out its own positive among the other positives of the batch: a softmax "
                  "over cosine similarities divided by a temperature τ, with cross-entropy on the right one. "
                  "Here the K negatives sit at cosine 0 from the anchor. A low τ sharpens the softmax, so the "
                  "closest negatives carry most of the gradient. It is the loss of CPC and SimCLR."),
        "use": "you learn embeddings from positive pairs, with other batch entries as negatives.",
        "avoid": "batches are small: few negatives make a weak signal.",
        "robust": "moderate: a false negative in the batch is pushed away",
        "needs": "anchor and positive embeddings, row by row",
        "gradient": "(softmax − target) / τ through each row's normalisation",
    },
    # --- ranking ---
    "margin_ranking": {
        "about": ("Of each pair, the item the label names must score higher, by at least the margin. Only the "
                  "order of the two scores counts, not their size, and a pair ranked right by the margin costs "
                  "nothing."),
        "use": "you have preference pairs and care only about order.",
        "avoid": "you want a push on every pair: it stops at the margin.",
        "robust": "moderate: linear in the violation",
        "needs": "a ±1 (or 0/1) label per pair; two scores",
        "gradient": "±1 until the preferred item leads by the margin, then 0",
    },
    "bpr": {
        "about": ("Bayesian personalised ranking: −log σ(s⁺ − s⁻) for an item the user interacted with and one "
                  "they did not. It is the logistic loss of the score gap, so it never reaches 0: a pair ranked "
                  "right still gets a small push, which fades as the gap grows."),
        "use": "you learn a recommender from implicit feedback (clicks, not ratings).",
        "avoid": "you have graded relevance: listwise losses use it.",
        "robust": "moderate",
        "needs": "a positive and a negative score per pair",
        "gradient": "−σ(s⁻ − s⁺): smooth, bounded by 1",
    },
    # --- generative ---
    "gan": {
        "about": ("The losses of the two players of a GAN, from the discriminator's logit f on a generated sample "
                  "(and r on a real one). The minimax generator loss −softplus(f) has almost no gradient where the "
                  "discriminator confidently rejects the fakes (f far below 0), which is exactly early in training; "
                  "the non-saturating loss softplus(−f) has the same best point and a gradient near −1 there. "
                  "Hinge and Wasserstein losses are linear; the Wasserstein critic also needs a Lipschitz "
                  "constraint, which is not part of the loss."),
        "use": "you train a GAN: the non-saturating generator loss is the usual default.",
        "avoid": "you use the Wasserstein loss without clipping or a gradient penalty.",
        "robust": "depends on the objective",
        "needs": "the discriminator's logits on real and generated samples",
        "gradient": "minimax vanishes for rejected fakes; non-saturating does not",
    },
}

STRINGS = {f"{part}.{name}": text for name, parts in CARDS.items() for part, text in parts.items()}
