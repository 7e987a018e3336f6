using Shannon.Measures;

namespace Shannon.Reports.Tour.Sections;

/// <summary>Cross-entropy and KL for the lessons' good and bad models, one-hot targets, asymmetry and H(P,Q) = H(P) + KL.</summary>
internal static class CrossEntropySection
{
    public static TourSection Build(int number)
    {
        double[] truth = [0.7, 0.2, 0.1], good = [0.6, 0.25, 0.15], bad = [0.1, 0.1, 0.8];
        double[] oneHot = [1.0, 0.0, 0.0];
        double[] p4 = [0.4, 0.3, 0.2, 0.1], uniform4 = [0.25, 0.25, 0.25, 0.25];
        double[] peaked = [0.9, 0.1], flat = [0.5, 0.5];
        double[] pa = [0.6, 0.3, 0.1], qa = [0.3, 0.5, 0.2];
        double[] p5 = [0.5, 0.3, 0.2], q5 = [0.6, 0.3, 0.1];
        return new TourSection(number, "Cross-entropy and KL divergence (lessons 000 step 2 and Use It, 001, 003 §4.4–4.5, exercise 5)",
        [
            new("H(true) for true = [0.7, 0.2, 0.1]", Entropy.Of(truth, LogBase.Bits), "bits", 4, null, "ce.true.entropy"),
            new("H(true, good model [0.6, 0.25, 0.15])", CrossEntropy.Of(truth, good, LogBase.Bits), "bits", 4, null, "ce.good"),
            new("H(true, bad model [0.1, 0.1, 0.8])", CrossEntropy.Of(truth, bad, LogBase.Bits), "bits", 4, null, "ce.bad"),
            new("KL(true ‖ good)", Divergence.KullbackLeibler(truth, good, LogBase.Bits), "bits", 4, null, "kl.good"),
            new("KL(true ‖ bad)", Divergence.KullbackLeibler(truth, bad, LogBase.Bits), "bits", 4, null, "kl.bad"),
            new("Use It: H(true)", Entropy.Of(truth), "nats", 4, null, "ce.useit.entropy"),
            new("Use It: H(true, good)", CrossEntropy.Of(truth, good), "nats", 4, null, "ce.useit.ce"),
            new("Use It: KL(true ‖ good)", Divergence.KullbackLeibler(truth, good), "nats", 4, null, "ce.useit.kl"),
            new("one-hot cat vs [0.8, 0.1, 0.1] (confident, right)", CrossEntropy.Of(oneHot, [0.8, 0.1, 0.1]), "nats", 4, null, "ce.onehot.good"),
            new("one-hot cat vs [0.1, 0.8, 0.1] (confident, wrong)", CrossEntropy.Of(oneHot, [0.1, 0.8, 0.1]), "nats", 4, null, "ce.onehot.bad"),
            new("one-hot cat vs [0.4, 0.3, 0.3] (uncertain)", CrossEntropy.Of(oneHot, [0.4, 0.3, 0.3]), "nats", 4, null, "ce.onehot.uncertain"),
            new("KL(one-hot ‖ [0.8, 0.1, 0.1]) = CE since H(one-hot) = 0", Divergence.KullbackLeibler(oneHot, [0.8, 0.1, 0.1]), "nats", 4, null, "kl.onehot.good"),
            new("H(P, uniform) for P = [0.4, 0.3, 0.2, 0.1]", CrossEntropy.Of(p4, uniform4), "nats", 4, null, "ce.three.definition"),
            new("H(P): the irreducible floor", Entropy.Of(p4), "nats", 4, null, "ce.three.entropy"),
            new("KL(P ‖ uniform): the gap training closes", Divergence.KullbackLeibler(p4, uniform4), "nats", 4, null, "ce.three.kl"),
            new("KL(P‖Q), P = [0.6, 0.3, 0.1], Q = [0.3, 0.5, 0.2]", Divergence.KullbackLeibler(pa, qa), "nats", 4, null, "kl.asym.pq"),
            new("KL(Q‖P): not the same, KL is not symmetric", Divergence.KullbackLeibler(qa, pa), "nats", 4, null, "kl.asym.qp"),
            new("KL(P‖Q), P = [0.9, 0.1], Q = [0.5, 0.5]", Divergence.KullbackLeibler(peaked, flat), "nats", 4, "003.kl.pq", "kl.peaked.pq"),
            new("KL(Q‖P)", Divergence.KullbackLeibler(flat, peaked), "nats", 4, "003.kl.qp", "kl.peaked.qp"),
            new("KL(P‖P)", Divergence.KullbackLeibler(peaked, peaked), "nats", 6, "003.kl.pp", "kl.peaked.pp"),
            new("exercise 5: H(P), P = [0.5, 0.3, 0.2]", Entropy.Of(p5), "nats", 4, null, "ex5.entropy"),
            new("exercise 5: H(P, Q), Q = [0.6, 0.3, 0.1]", CrossEntropy.Of(p5, q5), "nats", 4, null, "ex5.ce"),
            new("exercise 5: KL(P‖Q) = H(P, Q) − H(P)", Divergence.KullbackLeibler(p5, q5), "nats", 4, null, "ex5.kl"),
        ],
        [],
        ["H(P, Q) = H(P) + KL(P‖Q) ≥ H(P): every cross-entropy above is its entropy plus its KL."]);
    }
}
