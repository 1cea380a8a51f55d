using Microsoft.Extensions.Options;

namespace LoginPosture;

/// <summary>
/// Building blocks for options validation. Each check appends one message naming the setting (after
/// <c>prefix</c>, such as a list element's <c>Entries[0]:</c>) and the fix, so a validator can report every invalid
/// setting at once. Section names such as <c>Tiers:</c> are added by the host's validator, never here.
/// </summary>
internal static class OptionsErrors
{
    public static void RequireDefined<TEnum>(List<string> errors, string prefix, string name, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"{prefix}{name} is {value}, which is not a {typeof(TEnum).Name}; use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    public static void RequirePositive(List<string> errors, string prefix, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}{name} is {value}; set a positive duration such as 00:05:00.");
        }
    }

    public static void RequireRange(List<string> errors, string prefix, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{prefix}{name} is {value}; set a value from {min} to {max}.");
        }
    }

    public static void RequireRange(List<string> errors, string prefix, string name, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            errors.Add($"{prefix}{name} is {value}; set a value from {min} to {max}.");
        }
    }

    /// <summary>Throws one <see cref="OptionsValidationException"/> listing every error, when there are any.</summary>
    public static void ThrowIfAny<TOptions>(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), errors);
        }
    }
}
