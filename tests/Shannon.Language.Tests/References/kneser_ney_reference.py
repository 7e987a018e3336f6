#!/usr/bin/env python3
"""Reference probabilities for Shannon's interpolated modified Kneser-Ney model.

An independent, deliberately plain implementation of the textbook formulas (Chen & Goodman 1998,
TR-10-98, section 3.4 and eq. 26), written from the formulas rather than from the C# code:

  P_k(w | h) = max(c_k(h w) - D_k(c_k(h w)), 0) / sum_v c_k(h v)  +  gamma_k(h) P_{k-1}(w | h')
  gamma_k(h) = (D_k1 N1(h .) + D_k2 N2(h .) + D_k3+ N3+(h .)) / sum_v c_k(h v)
  P_0(w)     = 1 / V  (V = predicted tokens: </s>, <unk> and the vocabulary)

c_n is the raw count at the highest order n; c_k for k < n is the continuation count
N1+(. h w) = number of distinct x with c_{k+1}(x h w) > 0.  A history with no extensions falls
through to the lower order.  Discounts per order from the count-of-counts n1..n4 of c_k:
Y = n1/(n1+2 n2), D1 = 1-2Y n2/n1, D2 = 2-3Y n3/n2, D3+ = 3-4Y n4/n3; if some n_i is 0 or some
D_i is outside (0, i], KenLM's fallback (0.5, 1, 1.5).  Sentences are lines, left-padded with
n-1 <s>, ended by </s>; tokens seen fewer than min_count times become <unk>.

Run:  /usr/bin/python3 kneser_ney_reference.py > kneser_ney_reference.json   (from this folder)
"""
import json
import math
import os
import random
import re

BOS, EOS, UNK = "<s>", "</s>", "<unk>"
WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*|\S")


def sentences(text, level):
    out = []
    for line in text.split("\n"):
        line = line.rstrip("\r")
        tokens = WORD.findall(line) if level == "word" else list(line)
        if tokens:
            out.append(tokens)
    return out


class KneserNey:
    def __init__(self, text, order, level, min_count):
        self.n = order
        sents = sentences(text, level)
        freq = {}
        for s in sents:
            for t in s:
                freq[t] = freq.get(t, 0) + 1
        known = {t for t, c in freq.items() if c >= min_count}
        self.known = known
        self.vocab = [EOS, UNK] + sorted(known)
        self.V = len(self.vocab)
        # counts[k] maps a k-tuple (history + word) to its (raw or continuation) count
        self.counts = {k: {} for k in range(1, order + 1)}
        top = self.counts[order]
        for s in sents:
            seq = [BOS] * (order - 1) + [t if t in known else UNK for t in s] + [EOS]
            for i in range(order - 1, len(seq)):
                g = tuple(seq[i - order + 1:i + 1])
                top[g] = top.get(g, 0) + 1
        for k in range(order - 1, 0, -1):
            lower = self.counts[k]
            for g in self.counts[k + 1]:
                suffix = g[1:]
                lower[suffix] = lower.get(suffix, 0) + 1
        self.discounts = {k: self.estimate(self.counts[k]) for k in range(1, order + 1)}
        # per-history sums and N1, N2, N3+
        self.stats = {}
        for k in range(1, order + 1):
            st = {}
            for g, c in self.counts[k].items():
                h = g[:-1]
                s = st.setdefault(h, [0, 0, 0, 0])
                s[0] += c
                s[min(c, 3)] += 1
            self.stats[k] = st

    @staticmethod
    def estimate(counts):
        nn = [0] * 5
        for c in counts.values():
            if c <= 4:
                nn[c] += 1
        n1, n2, n3, n4 = nn[1], nn[2], nn[3], nn[4]
        if min(n1, n2, n3, n4) > 0:
            y = n1 / (n1 + 2 * n2)
            d = (1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3)
            if 0 < d[0] <= 1 and 0 < d[1] <= 2 and 0 < d[2] <= 3:
                return d
        return (0.5, 1.0, 1.5)

    def prob(self, w, h):
        """P(w | h) with len(h) == k - 1 for the order k being evaluated."""
        k = len(h) + 1
        lower = 1.0 / self.V if k == 1 else self.prob(w, h[1:])
        st = self.stats[k].get(h)
        if st is None:
            return lower
        total, m1, m2, m3 = st
        d1, d2, d3 = self.discounts[k]
        c = self.counts[k].get(h + (w,), 0)
        dc = 0.0 if c == 0 else (d1 if c == 1 else d2 if c == 2 else d3)
        gamma = (d1 * m1 + d2 * m2 + d3 * m3) / total
        return max(c - dc, 0.0) / total + gamma * lower

    def query(self, history, token):
        h = [BOS] * (self.n - 1) + [t if (t in self.known or t == BOS) else UNK for t in history]
        h = tuple(h[len(h) - (self.n - 1):]) if self.n > 1 else ()
        w = token if token in self.known or token == EOS else UNK
        return self.prob(w, h)


def case(name, text, order, level, min_count, rng, n_queries):
    m = KneserNey(text, order, level, min_count)
    sents = sentences(text, level)
    queries = []
    for q in range(n_queries):
        s = rng.choice(sents)
        i = rng.randrange(len(s) + 1)
        history = s[max(0, i - order - 1):i]
        if q % 4 == 1:
            token = rng.choice(m.vocab)                 # any vocabulary entry after a seen history
        elif q % 4 == 2:
            token = "zzzunseen" if level == "word" else "~"   # unknown token
        elif q % 4 == 3:
            history = [rng.choice(m.vocab[2:]) for _ in range(order - 1)]  # mostly unseen history
            token = rng.choice(m.vocab)
        else:
            token = s[i] if i < len(s) else EOS          # the true next token
        p = m.query(history, token)
        queries.append({"history": history, "token": token, "log_probability": math.log(p)})
    # the distribution after one seen history sums to 1
    total = sum(m.query(queries[0]["history"], w) for w in m.vocab)
    assert abs(total - 1) < 1e-12, total
    return {
        "name": name, "text": text, "order": order, "level": level, "min_count": min_count,
        "vocabulary_size": m.V,
        "discounts": [list(m.discounts[k]) for k in range(1, order + 1)],
        "queries": queries,
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    kjv = open(os.path.join(here, "..", "..", "..", "data", "kjv.txt"), encoding="utf-8").read().split("\n")
    genesis = "\n".join(kjv[:400]) + "\n"
    rng = random.Random(20260101)
    tiny = "the cat sat on the mat\nthe dog sat on the log\nthe cat ate the fish\n"
    cases = [
        case("tiny word bigram (fallback discounts)", tiny, 2, "word", 1, rng, 24),
        case("tiny word trigram min-count 2", tiny, 3, "word", 2, rng, 24),
        case("genesis word trigram", genesis, 3, "word", 1, rng, 80),
        case("genesis word 4-gram min-count 2", genesis, 4, "word", 2, rng, 60),
        case("genesis character 5-gram", "\n".join(kjv[:120]) + "\n", 5, "character", 1, rng, 80),
        case("genesis word unigram", genesis, 1, "word", 1, rng, 20),
    ]
    print(json.dumps({"generator": "kneser_ney_reference.py", "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
