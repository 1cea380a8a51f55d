namespace LoginPosture.AnalyzerMeasurement.Corpus;

/// <summary>
/// One labelled snippet: the members of a class (fields, properties, methods) as trading-tool code would write
/// them. <see cref="IsSecret"/> is true when the snippet hardcodes a credential somewhere; a snippet never mixes
/// a credential with a decoy, so "any finding in the file" is the per-case verdict. <see cref="HeldOut"/> marks the
/// cases written after the rules had been tuned on the first ones' misses, reported on their own as well.
/// </summary>
internal sealed record CorpusCase(string Id, bool IsSecret, string Category, string Description, string Members, bool HeldOut = false);
