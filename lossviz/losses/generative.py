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
        Spectral Normalization for GANs, ICLR 2018 (hinge); M. Arjovsky, S. Chintala, L. Bottou,
        Wasserstein GAN, ICML 2017.
    """

    name = "gan"
    task = "generative"
    call_shape = "two_input"
    choices = {
        "player": ("discriminator", "generator"),
        "objective": ("non_saturating", "minimax", "hinge", "wasserstein"),
    }
    latex = (r"L_D = \frac{1}{n}\sum_i \big[\log(1 + e^{-r_i}) + \log(1 + e^{f_i})\big],\quad "
             r"L_G^{\text{minimax}} = -\frac{1}{n}\sum_i \log(1 + e^{f_i}),\quad "
             r"L_G^{\text{non-sat.}} = \frac{1}{n}\sum_i \log(1 + e^{-f_i})")
    grad_latex = (r"\frac{\partial L_G^{\text{minimax}}}{\partial f_i} = -\frac{1}{n}\,\sigma(f_i),\quad "
                  r"\frac{\partial L_G^{\text{non-sat.}}}{\partial f_i} = -\frac{1}{n}\,\sigma(-f_i),\quad "
                  r"\frac{\partial L_D}{\partial r_i} = -\frac{1}{n}\,\sigma(-r_i),\ "
                  r"\frac{\partial L_D}{\partial f_i} = \frac{1}{n}\,\sigma(f_i)")

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
