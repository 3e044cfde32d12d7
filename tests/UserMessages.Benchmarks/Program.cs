using BenchmarkDotNet.Running;

namespace UserMessages.Benchmarks;

/// <summary>Runs the benchmarks the command line selects (BenchmarkDotNet's switcher).</summary>
public static class BenchmarkProgram
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
