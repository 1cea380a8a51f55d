using System;
using System.Text;

namespace LoginPosture.Analyzers.Internal;

/// <summary>Derives the environment variable and configuration key a secret should come from.</summary>
internal static class Naming
{
    /// <summary>BinanceClient + ApiSecret gives BINANCE_API_SECRET; X-MBX-APIKEY gives X_MBX_APIKEY.</summary>
    public static string EnvironmentVariable(string targetName, string? typeName, string[] typeSuffixes)
    {
        var builder = new StringBuilder();
        var stem = TypeStem(typeName, typeSuffixes);
        if (stem is not null && !targetName.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
        {
            AppendWords(builder, stem);
        }

        AppendWords(builder, targetName);
        return builder.Length == 0 ? "SECRET" : builder.ToString();
    }

    /// <summary>BinanceClient + ApiSecret gives Binance:ApiSecret.</summary>
    public static string ConfigurationKey(string targetName, string? typeName, string[] typeSuffixes)
    {
        var key = Pascal(targetName);
        var section = TypeStem(typeName, typeSuffixes) ?? typeName;
        return section is null || section.Length == 0 ? key : section + ":" + key;
    }

    private static string? TypeStem(string? typeName, string[] typeSuffixes)
    {
        if (typeName is null)
        {
            return null;
        }

        foreach (var suffix in typeSuffixes)
        {
            if (typeName.Length > suffix.Length && typeName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return typeName.Substring(0, typeName.Length - suffix.Length);
            }
        }

        return null;
    }

    private static void AppendWords(StringBuilder builder, string name)
    {
        foreach (var word in SecretNames.Split(name))
        {
            if (builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(word.ToUpperInvariant());
        }
    }

    private static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var word in SecretNames.Split(name))
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }

        return builder.Length == 0 ? "Secret" : builder.ToString();
    }
}
