using System.Text.RegularExpressions;

namespace LoginPosture.Layers;

/// <summary>Settings of the layer classifier: entries that extend the built-in IBKR catalog.</summary>
public sealed partial class LayerClassifierOptions
{
    private const int MinKeywordLength = KeywordIndex.MinKeywordLength;
    private const int MaxKeywordLength = 200;

    /// <summary>
    /// Extra catalog entries, tried before the built-in catalog. Among them the catalog's order applies: for a code,
    /// an entry with a matching keyword beats an entry on the code alone; the longest matching keyword wins; then
    /// list order.
    /// </summary>
    /// <value>The default is an empty list: the built-in catalog of real IBKR signals only.</value>
    public IList<LayerCatalogEntry> Entries { get; set; } = [];

    /// <summary>
    /// Adds a message for every invalid setting to <paramref name="errors"/>, naming the setting as this class does; the
    /// host's validator puts its configuration section in front.
    /// </summary>
    internal void Validate(List<string> errors)
    {
        if (Entries is null)
        {
            errors.Add($"Entries is null; leave it unset or assign an empty list.");
            return;
        }

        var builtIn = LayerCatalog.BuiltIn.Causes;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<(int?, int?, string?, SignalSource?)>();
        for (var i = 0; i < Entries.Count; i++)
        {
            var at = $"Entries[{i}]:";
            if (Entries[i] is not { } entry)
            {
                errors.Add($"Entries[{i}] is null; remove it or set an entry.");
                continue;
            }

            if (string.IsNullOrEmpty(entry.CauseId) || entry.CauseId.Length > 100 || !CauseIdPattern().IsMatch(entry.CauseId))
            {
                errors.Add($"{at}CauseId is '{entry.CauseId}'; use 1 to 100 lowercase letters, digits, '.', '-' or '_', such as 'mybroker.session-expired'.");
            }
            else if (entry.CauseId.StartsWith(FailureCause.UnknownPrefix, StringComparison.Ordinal) || builtIn.ContainsKey(entry.CauseId))
            {
                errors.Add($"{at}CauseId '{entry.CauseId}' is reserved by the built-in catalog; choose an id of your own, such as 'mybroker.{entry.CauseId}'.");
            }
            else if (!ids.Add(entry.CauseId))
            {
                errors.Add($"{at}CauseId '{entry.CauseId}' is used by an earlier entry; give every entry its own id.");
            }

            OptionsErrors.RequireDefined(errors, at, nameof(entry.Layer), entry.Layer);
            OptionsErrors.RequireDefined(errors, at, nameof(entry.Retry), entry.Retry);
            OptionsErrors.RequireDefined(errors, at, nameof(entry.Severity), entry.Severity);
            if (entry.Source is { } source)
            {
                OptionsErrors.RequireDefined(errors, at, nameof(entry.Source), source);
            }

            if (entry.IsFailure && entry.Retry == RetryAdvice.None)
            {
                errors.Add($"{at}Retry is None for a failure; choose RetryNow, BackOff, Reauthenticate, Resubscribe or DoNotRetry, or set IsFailure to false.");
            }
            else if (!entry.IsFailure && entry.Retry != RetryAdvice.None)
            {
                errors.Add($"{at}Retry is {entry.Retry} for an informational notice; set Retry to None, or set IsFailure to true.");
            }

            if (entry.Code is < 0)
            {
                errors.Add($"{at}Code is {entry.Code}; set zero or a positive code, or null to match without a code.");
            }

            if (entry.HttpStatus is < 100 or > 599)
            {
                errors.Add($"{at}HttpStatus is {entry.HttpStatus}; set a status from 100 to 599, or null.");
            }

            if (entry.Code is not null && entry.HttpStatus is not null)
            {
                errors.Add($"{at}sets both Code and HttpStatus; key the entry on one of them (split it into two entries if both apply).");
            }

            var keyword = entry.Keyword?.Trim();
            if (entry.Keyword is not null && (keyword!.Length is < MinKeywordLength or > MaxKeywordLength || !WordStarts.IsWordChar(keyword[0])))
            {
                errors.Add($"{at}Keyword is '{entry.Keyword}'; use {MinKeywordLength} to {MaxKeywordLength} characters of a stable part of the message, starting with a letter or digit, or null.");
            }

            if (entry.Code is null && entry.HttpStatus is null && entry.Keyword is null)
            {
                errors.Add($"{at}matches nothing; set a Code, an HttpStatus or a Keyword.");
            }
            else if (!keys.Add((entry.Code, entry.HttpStatus, keyword?.ToUpperInvariant(), entry.Source)))
            {
                errors.Add($"{at}matches the same code, HTTP status, keyword and source as an earlier entry, so it could never apply; remove it or change what it matches.");
            }

            RequireText(errors, at, nameof(entry.Title), entry.Title, "what went wrong");
            RequireText(errors, at, nameof(entry.Fix), entry.Fix, "what a person should do");
            RequireText(errors, at, nameof(entry.Anchor), entry.Anchor, "the public source of the entry");
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
