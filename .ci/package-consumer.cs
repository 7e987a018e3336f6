// The console app .ci/package-test.sh builds against the packed Shannon.Core: the methods jitted by its first entropy
// call and by its first cross-entropy loss (4 rows of 1,000 float logits), the path of the Shannon.dll it loaded, and
// entropy, KL and cross-entropy of 2^21 values and that loss (round-trip digits).
using Shannon.Losses;
using Shannon.Measures;

var p = new double[1 << 21];
var q = new double[p.Length];
double sp = 0, sq = 0;
for (int i = 0; i < p.Length; i++)
{
    p[i] = 1.0 + ((long)i * 2654435761L % 1000 / 1000.0);
    q[i] = 1.0 + ((((long)i * 2654435761L) + 500) % 1000 / 1000.0);
    sp += p[i];
    sq += q[i];
}

for (int i = 0; i < p.Length; i++)
{
    p[i] /= sp;
    q[i] /= sq;
}

var logits = new float[4 * 1000];
for (int i = 0; i < logits.Length; i++)
{
    logits[i] = (float)(((long)i * 2654435761L % 1000 / 125.0) - 4.0);
}

int[] targets = [1, 10, 100, 999];

long before = System.Runtime.JitInfo.GetCompiledMethodCount();
double entropy = Entropy.Of(p);
System.Console.WriteLine(System.Runtime.JitInfo.GetCompiledMethodCount() - before);
before = System.Runtime.JitInfo.GetCompiledMethodCount();
double loss = CrossEntropyLoss.FromLogits(logits, 1000, targets).Value;
System.Console.WriteLine(System.Runtime.JitInfo.GetCompiledMethodCount() - before);
System.Console.WriteLine(typeof(Entropy).Assembly.Location);
System.Console.WriteLine($"{entropy:R} {Divergence.KullbackLeibler(p, q):R} {CrossEntropy.Of(p, q):R} {loss:R}");
