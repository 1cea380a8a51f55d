using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>A set of analyzers measured together, and the diagnostic ids that count as its findings.</summary>
internal sealed record Detector(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableHashSet<string> Ids)
{
    /// <summary>The rules Sonar is measured with (the issue's comparison).</summary>
    public static readonly ImmutableArray<string> SonarRuleIds = ["S2068", "S6418", "S6437"];

    /// <summary>Every analyzer in LoginPosture.Analyzers.dll (found by reflection, so new rules join by themselves).</summary>
    public static Detector LoginPosture()
    {
        var assembly = Assembly.Load("LoginPosture.Analyzers");
        var analyzers = Instantiate(assembly);
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id.StartsWith("LP", StringComparison.Ordinal));
        return new Detector("LoginPosture " + string.Join("/", ids.Distinct().Order(StringComparer.Ordinal)), analyzers, ids.ToImmutableHashSet());
    }

    /// <summary>The SonarAnalyzer.CSharp analyzers that declare S2068, S6418 or S6437, loaded from sonar/ beside the harness.</summary>
    public static Detector Sonar()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "sonar", "SonarAnalyzer.CSharp.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("SonarAnalyzer.CSharp.dll is not beside the harness; build the project (it downloads the package).", path);
        }

        var assembly = Assembly.LoadFrom(path);
        var analyzers = Instantiate(assembly)
            .Where(a => a.SupportedDiagnostics.Any(d => SonarRuleIds.Contains(d.Id)))
            .ToImmutableArray();
        var found = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(SonarRuleIds.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
        var version = System.Diagnostics.FileVersionInfo.GetVersionInfo(path).FileVersion;
        return new Detector($"SonarAnalyzer.CSharp {version} ({string.Join("/", found)})", analyzers, SonarRuleIds.ToImmutableHashSet());
    }

    private static ImmutableArray<DiagnosticAnalyzer> Instantiate(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Sonar ships code fixes that need Workspaces 1.x; the analyzers themselves load fine.
            types = e.Types.Where(t => t is not null).ToArray()!;
        }

        return types
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }
}
