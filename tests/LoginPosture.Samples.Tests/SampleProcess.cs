using System.Diagnostics;
using System.Reflection;

namespace LoginPosture.Samples.Tests;

/// <summary>Runs a built sample with <c>dotnet exec</c> from the repository root and captures what it prints.</summary>
internal static class SampleProcess
{
    public static string Root => RepoPaths.Root;

    private static readonly string Configuration =
        typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public static Result Audit(params string[] args) => Run("LoginPosture.Samples.Audit", "loginposture-audit.dll", args);

    /// <summary>The audit with <paramref name="stdin"/> written to its standard input.</summary>
    public static Result AuditWithInput(byte[] stdin, params string[] args) => Run("LoginPosture.Samples.Audit", "loginposture-audit.dll", args, stdin);

    public static Result Hosting(params string[] args) => Run("LoginPosture.Samples.Hosting", "LoginPosture.Samples.Hosting.dll", args);

    private static Result Run(string project, string dll, string[] args, byte[]? stdin = null)
    {
        var path = Path.Combine(Root, "samples", project, "bin", Configuration, "net10.0", dll);
        Assert.True(File.Exists(path), $"{path} is not built");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{dll} {string.Join(' ', args)} did not finish within 60 s");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
    }
}
