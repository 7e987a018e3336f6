namespace Shannon.Numerics;

/// <summary>
/// The Cholesky factorisation Σ = LLᵀ of a symmetric positive-definite matrix, with the log-determinant and triangular
/// solves the Gaussian closed forms need. Reference: Golub, G. H. &amp; Van Loan, C. F. (2013), Matrix Computations,
/// 4th ed., Johns Hopkins, §4.2, ISBN 978-1-4214-0794-4.
/// </summary>
internal static class Cholesky
{
    /// <summary>
    /// The lower factor L (k×k row-major, zeros above the diagonal) of a k×k matrix whose lower triangle is read.
    /// Throws naming <paramref name="paramName"/> when the shape is wrong, an entry is not finite, or a pivot is ≤ 0.
    /// </summary>
    internal static double[] Factor(ReadOnlySpan<double> matrix, int dimension, string paramName)
    {
        if (dimension <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension must be positive; got {dimension}.");
        }

        if (matrix.Length != (long)dimension * dimension)
        {
            throw new ArgumentException($"{paramName} has {matrix.Length} entries but a {dimension}×{dimension} matrix needs {(long)dimension * dimension}.", paramName);
        }

        Guard.AllFinite(matrix, paramName);
        int k = dimension;
        var l = new double[k * k];
        for (int j = 0; j < k; j++)
        {
            double pivot = matrix[(j * k) + j];
            for (int m = 0; m < j; m++)
            {
                pivot -= l[(j * k) + m] * l[(j * k) + m];
            }

            if (!(pivot > 0.0))
            {
                throw new ArgumentException($"{paramName} is not positive definite: the Cholesky pivot at row {j} is {Guard.Format(pivot)}.", paramName);
            }

            double diagonal = Math.Sqrt(pivot);
            l[(j * k) + j] = diagonal;
            for (int i = j + 1; i < k; i++)
            {
                double value = matrix[(i * k) + j];
                for (int m = 0; m < j; m++)
                {
                    value -= l[(i * k) + m] * l[(j * k) + m];
                }

                l[(i * k) + j] = value / diagonal;
            }
        }

        return l;
    }

    /// <summary>ln det Σ = 2 Σᵢ ln Lᵢᵢ.</summary>
    internal static double LogDeterminant(ReadOnlySpan<double> factor, int dimension)
    {
        var sum = default(CompensatedSum);
        for (int i = 0; i < dimension; i++)
        {
            sum.Add(Math.Log(factor[(i * dimension) + i]));
        }

        return 2.0 * sum.Value;
    }

    /// <summary>Solves L x = b in place by forward substitution.</summary>
    internal static void SolveLower(ReadOnlySpan<double> factor, int dimension, Span<double> b)
    {
        for (int i = 0; i < dimension; i++)
        {
            double value = b[i];
            for (int m = 0; m < i; m++)
            {
                value -= factor[(i * dimension) + m] * b[m];
            }

            b[i] = value / factor[(i * dimension) + i];
        }
    }
}
