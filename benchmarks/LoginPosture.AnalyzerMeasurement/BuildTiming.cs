namespace LoginPosture.AnalyzerMeasurement;

internal static class BuildTiming
{
    public static int Run(int files, int runs, string resultsDirectory) => throw new NotImplementedException();
}
