"""Adversarial losses of a GAN, for either player, from the discriminator's raw outputs."""

import numpy as np

from lossviz.losses.base import Loss, score_pair
from lossviz.numerics import sigmoid, softplus


class GAN(Loss):
    """The GAN objectives: what the discriminator minimises, and what the generator minimises.

    Domain: real_logits and fake_logits, the discriminator's raw outputs D on real and on
        generated samples, same shape (n,); pair i is (real[i], fake[i]).
    Notes: discriminator: non_saturating and minimax softplus(-r) + softplus(f) (BCE with real
        as 1 and fake as 0); hinge max(0, 1 - r) + max(0, 1 + f); wasserstein f - r.
        Generator (its loss does not depend on r, whose gradient is 0): minimax -softplus(f),
        which is log(1 - D(G(z))) and whose gradient vanishes when the discriminator confidently
        rejects the fakes (f far below 0), exactly early in training; non_saturating
        softplus(-f) = -log D(G(z)), with the same fixed point and a gradient near -1 there;
        hinge and wasserstein -f. The Wasserstein critic needs a Lipschitz constraint (weight
        clipping or a gradient penalty), which is not part of the loss.
    References: I. Goodfellow et al., Generative Adversarial Nets, NIPS 2014; T. Miyato et al.,
        Spectral Normalization for Generative Adversarial Networks, ICLR 2018; M. Arjovsky,
        S. Chintala, L. Bottou, Wasserstein GAN, ICML 2017.
    """

    name = "gan"
    task = "generative"
    call_shape = "two_input"
    choices = {
        "player": ("discriminator", "generator"),
        "objective": ("non_saturating", "minimax", "hinge", "wasserstein"),
    }
    # per (player, objective): the loss, and its gradients by r and f (the formulas a page shows)
    FORMULAS = {
        ("discriminator", "non_saturating"): (
            r"\log(1 + e^{-r_i}) + \log(1 + e^{f_i})", r"-\sigma(-r_i)", r"\sigma(f_i)"),
        ("discriminator", "hinge"): (
            r"\max(0, 1 - r_i) + \max(0, 1 + f_i)", r"-[r_i < 1]", r"[f_i > -1]"),
        ("discriminator", "wasserstein"): (r"f_i - r_i", r"-1", r"1"),
        ("generator", "non_saturating"): (r"\log(1 + e^{-f_i})", r"0", r"-\sigma(-f_i)"),
        ("generator", "minimax"): (r"-\log(1 + e^{f_i})", r"0", r"-\sigma(f_i)"),
        ("generator", "hinge"): (r"-f_i", r"0", r"-1"),
        ("generator", "wasserstein"): (r"-f_i", r"0", r"-1"),
    }
    FORMULAS["discriminator", "minimax"] = FORMULAS["discriminator", "non_saturating"]
    latex = (r"L_D = \frac{1}{n}\sum_i \big[\log(1 + e^{-r_i}) + \log(1 + e^{f_i})\big],\quad "
             r"L_G = \frac{1}{n}\sum_i \log(1 + e^{-f_i})")
    grad_latex = r"\frac{\partial L_G}{\partial f_i} = -\frac{1}{n}\,\sigma(-f_i)"

    def __init__(self, **params):
        super().__init__(**params)
        value, by_real, by_fake = self.FORMULAS[self.player, self.objective]
        symbol = "L_D" if self.player == "discriminator" else "L_G"
        # the non-saturating and minimax generator losses in the paper's terms, with D = sigma(f)
        meaning = {"non_saturating": r",\quad \log(1 + e^{-f}) = -\log D(G(z))",
                   "minimax": r",\quad -\log(1 + e^{f}) = \log\big(1 - D(G(z))\big)"}
        note = meaning.get(self.objective, "") if self.player == "generator" else ""
        note += r",\ D = \sigma(f)" if note else ""
        self.latex = rf"{symbol} = \frac{{1}}{{n}}\sum_i \big[{value}\big]{note}"
        self.grad_latex = (rf"\frac{{\partial {symbol}}}{{\partial r_i}} = \frac{{1}}{{n}}\big({by_real}\big),\quad "
                           rf"\frac{{\partial {symbol}}}{{\partial f_i}} = \frac{{1}}{{n}}\big({by_fake}\big)")

    def elementwise(self, real_logits, fake_logits):
        real, fake = score_pair("real_logits", real_logits, "fake_logits", fake_logits)
        objective = self.objective
        if self.player == "discriminator":
            if objective == "hinge":
                return np.maximum(1.0 - real, 0.0) + np.maximum(1.0 + fake, 0.0)
            if objective == "wasserstein":
                return fake - real
            return softplus(-real) + softplus(fake)
        if objective == "non_saturating":
            return softplus(-fake)
        if objective == "minimax":
            return -softplus(fake)
        return -fake

    def backward(self, real_logits, fake_logits):
        real, fake = score_pair("real_logits", real_logits, "fake_logits", fake_logits)
        objective = self.objective
        if self.player == "generator":
            d_real = np.zeros_like(real)
            if objective == "non_saturating":
                d_fake = -sigmoid(-fake)
            elif objective == "minimax":
                d_fake = -sigmoid(fake)
            else:
                d_fake = -np.ones_like(fake)
        elif objective == "hinge":
            d_real = -(1.0 - real > 0.0).astype(np.float64)
            d_fake = (1.0 + fake > 0.0).astype(np.float64)
        elif objective == "wasserstein":
            d_real, d_fake = -np.ones_like(real), np.ones_like(fake)
        else:
            d_real, d_fake = -sigmoid(-real), sigmoid(fake)
        return d_real / real.size, d_fake / fake.size
