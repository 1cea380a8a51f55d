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
        Section(errors, options.Tiers, nameof(options.Tiers), static (o, e) => o.Validate(e));
        Section(errors, options.ApiKeys, nameof(options.ApiKeys), static (o, e) => o.Validate(e));
        Section(errors, options.SecondFactors, nameof(options.SecondFactors), static (o, e) => o.Validate(e));
        Section(errors, options.Otp, nameof(options.Otp), static (o, e) => o.Validate(e));
        Section(errors, options.Layers, nameof(options.Layers), static (o, e) => o.Validate(e));
        return errors;
    }

    // The engines name their own settings; the section they sit in belongs to the host's configuration layout, so
    // the prefix is added here and nowhere else.
    private static void Section<T>(List<string> errors, T? section, string name, Action<T, List<string>> validate)
        where T : class
    {
        if (section is null)
        {
            errors.Add($"{name} is null; remove the assignment or set a new {typeof(T).Name}().");
            return;
        }

        var own = new List<string>();
        validate(section, own);
        foreach (var error in own)
        {
            errors.Add($"{name}:{error}");
        }
    }
}
