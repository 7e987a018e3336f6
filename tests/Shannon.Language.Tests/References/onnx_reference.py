#!/usr/bin/env python3
"""A tiny GPT-2-shaped causal language model in ONNX, and NumPy reference scores for it.

The graph maps input_ids [batch, sequence] (int64) to logits [batch, sequence, V] (float32) like a GPT-2 export,
but is context-free and stores no weights (so the file is a few hundred bytes):

  e[b, s, :]  = sin(id * a + phase)                   a = (0.37, 0.11), phase = (0, pi/2)      [B, S, 2]
  W[:, v]     = 3 * sin(v * c + phase2)                c = (0.013, 0.029), phase2 = (0.5, 1.0)  [2, V]
  logits      = e @ W                                                                           [B, S, V]

Built with onnx.helper (Debian's python3-onnx); nothing is exported from a framework. The reference scores use
NumPy with the same float32 operations, then log-softmax in float64. ONNX Runtime's sin may differ from NumPy's
by a few ulp, so the tests allow 1e-5 in log-probabilities and entropies.

The ids are GPT-2 (r50k_base) tokens of TEXT as Microsoft.ML.Tokenizers produces them; the C# test checks that.

tiny_lm_int32.onnx is the same graph with int32 input_ids (scores identical); tiny_lm_past.onnx adds an unused
past_key_values.0.key input, which a text cannot fill and the loader refuses.

Run:  /usr/bin/python3 onnx_reference.py   (from this folder; writes onnx_reference.json and ../Fixtures/tiny_lm*.onnx)
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper

TEXT = "Entropy is the average surprisal of a source: 'the' costs 1.32 bits, 'eigenvector' 13.3 bits. Café ☕!"
IDS = [14539, 28338, 318, 262, 2811, 2827, 28456, 286, 257, 2723, 25, 705, 1169, 6, 3484, 352, 13, 2624, 10340, 11,
       705, 68, 9324, 31364, 6, 1511, 13, 18, 10340, 13, 42151, 34719, 243, 0]
BOS = 50256
A, PHASE = np.array([0.37, 0.11], np.float32), np.array([0.0, np.pi / 2], np.float32)
C, PHASE2 = np.array([[0.013], [0.029]], np.float32), np.array([[0.5], [1.0]], np.float32)


def const(name, value):
    return helper.make_node("Constant", [], [name], value=helper.make_tensor(name + "_t", TensorProto.FLOAT if value.dtype == np.float32 else TensorProto.INT64, value.shape, value.ravel().tolist()))


def model(vocabulary, ids_type=TensorProto.INT64, past=False):
    nodes = [
        const("a", A), const("phase", PHASE), const("c", C), const("phase2", PHASE2), const("three", np.array(3.0, np.float32)),
        const("start", np.array(0.0, np.float32)), const("limit", np.array(float(vocabulary), np.float32)), const("delta", np.array(1.0, np.float32)),
        const("axis_last", np.array([2], np.int64)), const("axis_first", np.array([0], np.int64)),
        helper.make_node("Cast", ["input_ids"], ["ids_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["ids_f", "axis_last"], ["ids_u"]),
        helper.make_node("Mul", ["ids_u", "a"], ["ids_a"]),
        helper.make_node("Add", ["ids_a", "phase"], ["ids_p"]),
        helper.make_node("Sin", ["ids_p"], ["embedding"]),
        helper.make_node("Range", ["start", "limit", "delta"], ["v"]),
        helper.make_node("Unsqueeze", ["v", "axis_first"], ["v_row"]),
        helper.make_node("Mul", ["v_row", "c"], ["v_c"]),
        helper.make_node("Add", ["v_c", "phase2"], ["v_p"]),
        helper.make_node("Sin", ["v_p"], ["v_s"]),
        helper.make_node("Mul", ["v_s", "three"], ["unembedding"]),
        helper.make_node("MatMul", ["embedding", "unembedding"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, "tiny_context_free_lm",
        [helper.make_tensor_value_info("input_ids", ids_type, ["batch", "sequence"])]
        # An export with a key-value cache has past_key_values.* inputs, which a text cannot fill (left unused here).
        + ([helper.make_tensor_value_info("past_key_values.0.key", TensorProto.FLOAT, ["batch", 2, "past_sequence", 4])] if past else []),
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "sequence", vocabulary])])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="shannon-tests")
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m


def logits(ids, vocabulary):
    ids_f = np.asarray(ids, np.int64).astype(np.float32)[:, None]
    e = np.sin(ids_f * A + PHASE).astype(np.float32)
    v = np.arange(vocabulary, dtype=np.float32)[None, :]
    w = (np.sin(v * C + PHASE2) * np.float32(3.0)).astype(np.float32)
    return (e @ w).astype(np.float32)


def scores(ids, vocabulary=50257):
    z = logits(ids[:-1], vocabulary).astype(np.float64)
    m = z.max(axis=1, keepdims=True)
    lp = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    targets = np.asarray(ids[1:])
    true = lp[np.arange(len(targets)), targets]
    entropy = -(np.exp(lp) * lp).sum(axis=1)
    rank = 1 + (z > z[np.arange(len(targets)), targets][:, None]).sum(axis=1)
    return true.tolist(), entropy.tolist(), [int(r) for r in rank]


here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "Fixtures")
onnx.save(model(50257), os.path.join(fixtures, "tiny_lm.onnx"))
onnx.save(model(100), os.path.join(fixtures, "tiny_lm_v100.onnx"))
onnx.save(model(50257, ids_type=TensorProto.INT32), os.path.join(fixtures, "tiny_lm_int32.onnx"))
onnx.save(model(50257, past=True), os.path.join(fixtures, "tiny_lm_past.onnx"))
plain = scores(IDS)
bos = scores([BOS] + IDS)
with open(os.path.join(here, "onnx_reference.json"), "w") as f:
    json.dump({
        "text": TEXT, "ids": IDS, "bos": BOS,
        "log_probabilities": plain[0], "entropies": plain[1], "ranks": plain[2],
        "bos_log_probabilities": bos[0],
        "first_row_logits": [float(x) for x in logits(IDS[:1], 50257)[0, :8]],
    }, f, indent=1, ensure_ascii=False)
