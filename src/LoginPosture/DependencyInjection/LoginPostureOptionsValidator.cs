using Microsoft.Extensions.Options;

namespace LoginPosture;

/// <summary>
/// Validates <see cref="LoginPostureOptions"/> and reports every invalid setting at once, each message naming the
/// setting by its configuration path (for example <c>Tiers:CriticalMaxFactorAge</c>) and the fix.
/// </summary>
public sealed class LoginPostureOptionsValidator : IValidateOptions<LoginPostureOptions>
{
    /// <summary>Validates a named instance of the options.</summary>
    /// <param name="name">The options name; every name is validated the same way.</param>
    /// <param name="options">The options to validate.</param>
    /// <returns>Success, or a failure listing every invalid setting.</returns>
    public ValidateOptionsResult Validate(string? name, LoginPostureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static List<string> Collect(LoginPostureOptions options)
    {
        var errors = new List<string>();
        if (Section(errors, options.Tiers, nameof(options.Tiers)) is { } tiers)
        {
            Prefixed(errors, nameof(options.Tiers), tiers.Validate);
        }

        if (Section(errors, options.ApiKeys, nameof(options.ApiKeys)) is { } apiKeys)
        {
            Prefixed(errors, nameof(options.ApiKeys), apiKeys.Validate);
        }

        if (Section(errors, options.SecondFactors, nameof(options.SecondFactors)) is { } secondFactors)
        {
            Prefixed(errors, nameof(options.SecondFactors), secondFactors.Validate);
        }

        if (Section(errors, options.Otp, nameof(options.Otp)) is { } otp)
        {
            Prefixed(errors, nameof(options.Otp), otp.Validate);
        }

        if (Section(errors, options.Layers, nameof(options.Layers)) is { } layers)
        {
            Prefixed(errors, nameof(options.Layers), layers.Validate);
        }

        return errors;
    }

    // The engines name their own settings; the section they sit in belongs to the host's configuration layout.
    private static void Prefixed(List<string> errors, string section, Action<List<string>> validate)
    {
        var own = new List<string>();
        validate(own);
        foreach (var error in own)
        {
            errors.Add($"{section}:{error}");
        }
    }

    private static T? Section<T>(List<string> errors, T? section, string name)
        where T : class
    {
        if (section is null)
        {
            errors.Add($"{name} is null; remove the assignment or set a new {typeof(T).Name}().");
        }

        return section;
    }
}
