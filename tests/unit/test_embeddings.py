"""The embeddings lab: mining picks exactly the triplets its definition names, training improves
retrieval, the regions of an anchor's negatives, and the comparison's verdicts."""

import numpy as np
import pytest

from lossviz.labs.embeddings.train import (
    MININGS,
    MiningComparison,
    all_triplets,
    comparison_sentences,
    embedding_data,
    mine,
    negative_regions,
    pairwise_distances,
    recall_at_1,
    train_embedding,
)

# a hand-made batch on a line: class 0 at 0, 1 and 3; class 1 at 1.5, 2.5 and 6
POINTS = np.array([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [1.5, 0.0], [2.5, 0.0], [6.0, 0.0]])
LABELS = np.array([0, 0, 0, 1, 1, 1])


def test_all_triplets_are_every_anchor_positive_negative_of_the_batch():
    triplets = all_triplets(LABELS)
    assert len(triplets) == 6 * 2 * 3
    assert all(LABELS[a] == LABELS[p] != LABELS[n] and a != p for a, p, n in triplets)
    assert len({tuple(row) for row in triplets}) == len(triplets)


def test_batch_hard_takes_the_farthest_positive_and_the_closest_negative():
    distances = pairwise_distances(POINTS)
    triplets = {int(a): (int(p), int(n)) for a, p, n in mine("batch_hard", LABELS, distances, 1.0)}
    assert triplets[0] == (2, 3)  # positives at 1 and 3: 3 is farther; negatives at 1.5, 2.5, 6: 1.5 is closest
    assert triplets[1] == (2, 3)  # from 1: positives at 1 and 2 away, negatives at 0.5, 1.5, 5
    assert triplets[5] == (3, 2)  # from 6: positives 4.5 and 3.5 away; the closest negative is 3


def test_semi_hard_takes_the_closest_negative_beyond_the_positive_within_the_margin():
    distances = pairwise_distances(POINTS)
    triplets = {(int(a), int(p)): int(n) for a, p, n in mine("semi_hard", LABELS, distances, 1.0)}
    # anchor 0, positive 1 (distance 1): negatives at 1.5 and 2.5 are farther, only 1.5 is within 1 + 1
    assert triplets[(0, 1)] == 3
    # anchor 0, positive 2 (distance 3): no negative lies in (3, 4)
    assert (0, 2) not in triplets
    # anchor 3 (1.5), positive 4 (distance 1): negatives 0, 1, 3 at 1.5, 0.5, 1.5; the closest in (1, 2) is 1.5
    assert triplets[(3, 4)] in (0, 2)
    for (anchor, positive), negative in triplets.items():
        assert distances[anchor, positive] < distances[anchor, negative] < distances[anchor, positive] + 1.0


def test_the_negatives_of_an_anchor_fall_into_three_regions():
    regions = negative_regions(np.zeros(2), np.array([1.0, 0.0]),
                               np.array([[0.5, 0.0], [1.5, 0.0], [3.0, 0.0], [0.0, 2.5]]), 1.0)
    assert regions == {"easy": 2, "semi_hard": 1, "hard": 1, "radius": 1.0}


@pytest.mark.parametrize("mining", MININGS)
def test_training_on_well_separated_classes_improves_retrieval(mining):
    data = embedding_data(classes=4, dims=10, spread=0.5, points=30, seed=1)
    run = train_embedding(data, mining=mining, margin=1.0, lr=0.05, epochs=100, seed=0)
    assert run.maps.shape == (101, 10, 2) and run.values.shape == run.active.shape == (100,)
    assert run.recall_at_1[-1] > run.recall_at_1[0] and run.recall_at_1[-1] >= 0.9
    assert np.all((run.active >= 0) & (run.active <= 1))


def test_recall_at_1_counts_the_nearest_training_points_class():
    train = np.array([[0.0, 0.0], [10.0, 0.0]])
    assert recall_at_1(train, np.array([0, 1]), np.array([[1.0, 0.0], [9.0, 0.0], [4.0, 0.0]]),
                       np.array([0, 1, 1])) == pytest.approx(2 / 3)


def test_the_data_keep_30_percent_of_each_class_aside():
    data = embedding_data(classes=3, dims=8, spread=1.0, points=20, seed=0)
    assert data.x.shape == (42, 8) and data.x_test.shape == (18, 8)
    assert np.bincount(data.y_test).tolist() == [6, 6, 6]
    with pytest.raises(ValueError, match="classes must be in"):
        embedding_data(classes=9, dims=8, spread=1.0, points=20, seed=0)


def test_the_comparison_says_holds_only_when_the_gap_beats_its_spread():
    comparison = MiningComparison({"all": np.array([0.7, 0.72, 0.71]),
                                   "batch_hard": np.array([0.4, 0.5, 0.45]),
                                   "semi_hard": np.array([0.72, 0.73, 0.70])}, 3)
    said = {(sentence.values["worse"].key): sentence.key for sentence in comparison_sentences(comparison)}
    assert said == {"mining.all": "embeddings.verdict.undecided", "mining.batch_hard": "embeddings.verdict.holds"}
    table = {row["mining"]: row for row in comparison.rows()}
    assert table["batch_hard"]["recall_mean"] == pytest.approx(0.45)
    assert table["batch_hard"]["recall_spread"] == pytest.approx(0.05)  # the sample standard deviation
    assert {row["seeds"] for row in table.values()} == {3}
