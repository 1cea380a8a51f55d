namespace LoginPosture.Testing;

/// <summary>
/// Finds files of the repository from the test binaries; nothing outside the repository is read. Compiled into every test
/// project as a linked file.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "LoginPosture.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LoginPosture.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
