using BenchmarkDotNet.Running;

// Run one group with: dotnet run -c Release --project bench/Shannon.Benchmarks -- --filter '*Entropy*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
