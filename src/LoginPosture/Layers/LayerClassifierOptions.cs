using System.Text.RegularExpressions;

namespace LoginPosture.Layers;

/// <summary>Settings of the layer classifier: rules that extend the built-in IBKR catalog.</summary>
public sealed partial class LayerClassifierOptions
{
    private const int MinKeywordLength = KeywordIndex.MinKeywordLength;
    private const int MaxKeywordLength = 200;

    /// <summary>
    /// Extra rules, tried before the built-in catalog. Among them the catalog's order applies: for a code, a rule
    /// with a matching keyword beats a rule on the code alone; the longest matching keyword wins; then list order.
    /// </summary>
    /// <value>The default is an empty list: the built-in catalog of real IBKR signals only.</value>
    public IList<LayerRule> Rules { get; set; } = [];

    /// <summary>Adds a message for every invalid setting to <paramref name="errors"/>, prefixing each setting's name.</summary>
    internal void Validate(List<string> errors, string prefix)
    {
        if (Rules is null)
        {
            errors.Add($"{prefix}Rules is null; leave it unset or assign an empty list.");
            return;
        }

        var builtIn = LayerCatalog.BuiltIn.Causes;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<(int?, int?, string?, SignalSource?)>();
        for (var i = 0; i < Rules.Count; i++)
        {
            var at = $"{prefix}Rules[{i}]:";
            if (Rules[i] is not { } rule)
            {
                errors.Add($"{prefix}Rules[{i}] is null; remove it or set a rule.");
                continue;
            }

            if (string.IsNullOrEmpty(rule.CauseId) || rule.CauseId.Length > 100 || !CauseIdPattern().IsMatch(rule.CauseId))
            {
                errors.Add($"{at}CauseId is '{rule.CauseId}'; use 1 to 100 lowercase letters, digits, '.', '-' or '_', such as 'mybroker.session-expired'.");
            }
            else if (rule.CauseId.StartsWith(FailureCause.UnknownPrefix, StringComparison.Ordinal) || builtIn.ContainsKey(rule.CauseId))
            {
                errors.Add($"{at}CauseId '{rule.CauseId}' is reserved by the built-in catalog; choose an id of your own, such as 'mybroker.{rule.CauseId}'.");
            }
            else if (!ids.Add(rule.CauseId))
            {
                errors.Add($"{at}CauseId '{rule.CauseId}' is used by an earlier rule; give every rule its own id.");
            }

            OptionsErrors.RequireDefined(errors, at, nameof(rule.Layer), rule.Layer);
            OptionsErrors.RequireDefined(errors, at, nameof(rule.Retry), rule.Retry);
            OptionsErrors.RequireDefined(errors, at, nameof(rule.Severity), rule.Severity);
            if (rule.Source is { } source)
            {
                OptionsErrors.RequireDefined(errors, at, nameof(rule.Source), source);
            }

            if (rule.IsFailure && rule.Retry == RetryAdvice.None)
            {
                errors.Add($"{at}Retry is None for a failure; choose RetryNow, BackOff, Reauthenticate, Resubscribe or DoNotRetry, or set IsFailure to false.");
            }
            else if (!rule.IsFailure && rule.Retry != RetryAdvice.None)
            {
                errors.Add($"{at}Retry is {rule.Retry} for an informational notice; set Retry to None, or set IsFailure to true.");
            }

            if (rule.Code is < 0)
            {
                errors.Add($"{at}Code is {rule.Code}; set zero or a positive code, or null to match without a code.");
            }

            if (rule.HttpStatus is < 100 or > 599)
            {
                errors.Add($"{at}HttpStatus is {rule.HttpStatus}; set a status from 100 to 599, or null.");
            }

            if (rule.Code is not null && rule.HttpStatus is not null)
            {
                errors.Add($"{at}sets both Code and HttpStatus; key the rule on one of them (split it into two rules if both apply).");
            }

            var keyword = rule.Keyword?.Trim();
            if (rule.Keyword is not null && (keyword!.Length is < MinKeywordLength or > MaxKeywordLength || !WordStarts.IsWordChar(keyword[0])))
            {
                errors.Add($"{at}Keyword is '{rule.Keyword}'; use {MinKeywordLength} to {MaxKeywordLength} characters of a stable part of the message, starting with a letter or digit, or null.");
            }

            if (rule.Code is null && rule.HttpStatus is null && rule.Keyword is null)
            {
                errors.Add($"{at}matches nothing; set a Code, an HttpStatus or a Keyword.");
            }
            else if (!keys.Add((rule.Code, rule.HttpStatus, keyword?.ToUpperInvariant(), rule.Source)))
            {
                errors.Add($"{at}matches the same code, HTTP status, keyword and source as an earlier rule, so it could never apply; remove it or change what it matches.");
            }

            RequireText(errors, at, nameof(rule.Summary), rule.Summary, "what went wrong");
            RequireText(errors, at, nameof(rule.Remediation), rule.Remediation, "what a person should do");
            RequireText(errors, at, nameof(rule.Anchor), rule.Anchor, "the public source of the rule");
        }
    }

    private static void RequireText(List<string> errors, string at, string name, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{at}{name} is empty; write {what}.");
        }
    }

    [GeneratedRegex("^[a-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CauseIdPattern();
}
