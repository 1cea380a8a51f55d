using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LoginPosture.Analyzers.Internal;

/// <summary>
/// The .editorconfig / .globalconfig options of the analyzers, read once per compilation (global options) and once
/// per syntax tree that carries its own section. Unparsable values fall back to the defaults.
/// </summary>
internal sealed class SecretSettings
{
    public const string SecretNamesKey = "loginposture_secret_names";
    public const string IgnoreNamesKey = "loginposture_ignore_names";
    public const string MinEntropyKey = "loginposture_min_entropy";
    public const string MinLengthKey = "loginposture_min_length";
    public const string AnalyzeTestsKey = "loginposture_analyze_tests";
    public const string AnalyzeGeneratedKey = "loginposture_analyze_generated";
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    public const double DefaultMinEntropy = 3.0;
    public const int DefaultMinLength = 6;

    public static readonly SecretSettings Default = new(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty,
        DefaultMinEntropy, DefaultMinLength, analyzeTests: true, analyzeGenerated: false);

    private readonly ImmutableArray<string> extraSecretNames;
    private readonly ImmutableArray<string> ignoredNames;

    private SecretSettings(ImmutableArray<string> extraSecretNames, ImmutableArray<string> ignoredNames, double minEntropy,
        int minLength, bool analyzeTests, bool analyzeGenerated)
    {
        this.extraSecretNames = extraSecretNames;
        this.ignoredNames = ignoredNames;
        MinEntropy = minEntropy;
        MinLength = minLength;
        AnalyzeTests = analyzeTests;
        AnalyzeGenerated = analyzeGenerated;
    }

    public double MinEntropy { get; }

    public int MinLength { get; }

    public bool AnalyzeTests { get; }

    public bool AnalyzeGenerated { get; }

    /// <summary>Reads the options over <paramref name="fallback"/>; returns the fallback itself when none is set.</summary>
    public static SecretSettings Read(AnalyzerConfigOptions options, SecretSettings fallback)
    {
        var any = false;
        var extra = fallback.extraSecretNames;
        var ignored = fallback.ignoredNames;
        var minEntropy = fallback.MinEntropy;
        var minLength = fallback.MinLength;
        var analyzeTests = fallback.AnalyzeTests;
        var analyzeGenerated = fallback.AnalyzeGenerated;

        if (options.TryGetValue(SecretNamesKey, out var text))
        {
            extra = ParseNames(text);
            any = true;
        }

        if (options.TryGetValue(IgnoreNamesKey, out text))
        {
            ignored = ParseNames(text);
            any = true;
        }

        if (options.TryGetValue(MinEntropyKey, out text)
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var entropy) && entropy is >= 0 and <= 8)
        {
            minEntropy = entropy;
            any = true;
        }

        if (options.TryGetValue(MinLengthKey, out text)
            && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) && length is >= 1 and <= 4096)
        {
            minLength = length;
            any = true;
        }

        if (options.TryGetValue(AnalyzeTestsKey, out text) && bool.TryParse(text.Trim(), out var tests))
        {
            analyzeTests = tests;
            any = true;
        }

        if (options.TryGetValue(AnalyzeGeneratedKey, out text) && bool.TryParse(text.Trim(), out var generated))
        {
            analyzeGenerated = generated;
            any = true;
        }

        return any ? new SecretSettings(extra, ignored, minEntropy, minLength, analyzeTests, analyzeGenerated) : fallback;
    }

    /// <summary>Are any extra secret names configured?</summary>
    public bool HasExtraSecretNames => !extraSecretNames.IsEmpty;

    /// <summary>Does the compact (lower-case alphanumeric) name contain a user-configured secret name?</summary>
    public bool IsExtraSecretName(string compactName) => ContainsAny(compactName, extraSecretNames);

    /// <summary>Does the compact name contain a user-configured name to ignore?</summary>
    public bool IsIgnoredName(string compactName) => ContainsAny(compactName, ignoredNames);

    private static bool ContainsAny(string compactName, ImmutableArray<string> names)
    {
        foreach (var name in names)
        {
            if (compactName.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<string> ParseNames(string text)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in text.Split(',', ';', ' '))
        {
            var compact = SecretNames.Compact(part);
            if (compact.Length > 0)
            {
                builder.Add(compact);
            }
        }

        return builder.ToImmutable();
    }
}
