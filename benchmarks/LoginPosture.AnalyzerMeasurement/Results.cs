namespace LoginPosture.AnalyzerMeasurement;

internal static class Results
{
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
