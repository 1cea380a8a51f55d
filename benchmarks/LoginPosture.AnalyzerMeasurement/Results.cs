using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>What the three measurements share: framework references, medians, number formatting, the report writer.</summary>
internal static class Results
{
    /// <summary>The running runtime's System.* assemblies: enough to compile the corpus and the generated code base.</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string F(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Prints a markdown report and writes it to benchmarks/results/<paramref name="fileName"/>.</summary>
    public static int Publish(string directory, string fileName, string report)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, report);
        Console.WriteLine(report);
        Console.WriteLine($"Written to {path}");
        return 0;
    }
}
