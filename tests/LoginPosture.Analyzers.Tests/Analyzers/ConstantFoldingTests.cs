using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>
/// Concatenations, interpolations and references are folded only when their names may be constants; locals and
/// parameters are ruled out from syntax (which saves binding the member), so these pin both sides of that shortcut.
/// </summary>
public sealed class ConstantFoldingTests
{
    private static readonly string Head = Fake.Random(20, seed: 31);
    private static readonly string Tail = Fake.Random(20, seed: 32);

    public static TheoryData<string> Folded => new()
    {
        // const field, const local, a const local that shadows a field, and a const of another type
        "class C { const string Part = \"H\"; string apiSecret = {|LP0001:Part + \"T\"|}; }",
        "class C { void M() { const string part = \"H\"; var apiSecret = {|LP0001:part + \"T\"|}; _ = apiSecret; } }",
        "class C { static string part = \"x\"; void M() { const string part = \"H\"; var apiSecret = {|LP0001:part + \"T\"|}; _ = apiSecret; } }",
        "class K { public const string Part = \"H\"; } class C { string apiSecret = {|LP0001:K.Part + \"T\"|}; }",
        "class C { const string Part = \"H\"; string apiSecret = {|LP0001:$\"{Part}T\"|}; }",
        "class C { void M() { const string part = \"H\"; var apiSecret = {|LP0001:$\"{part}T\"|}; _ = apiSecret; } }",
        // a primary-constructor parameter hidden by a constant member of the same name is that constant
        "class C(string part) { const string part2 = \"H\"; string apiSecret = {|LP0001:part2 + \"T\"|}; string P => part; }",
        // "Color Color": a parameter named like its type still reaches the type's constants
        "class Keys { public const string Part = \"H\"; } class C { string M(Keys Keys) { var apiSecret = {|LP0001:Keys.Part + \"T\"|}; return apiSecret; } }",
    };

    [Theory]
    [MemberData(nameof(Folded))]
    public Task Folds_names_that_may_be_constants(string template) =>
        Verify.AnalyzerAsync(template.Replace("\"H\"", "\"" + Head + "\"").Replace("\"T\"", "\"" + Tail + "\"")
            .Replace("T\"|}", Tail + "\"|}"));

    public static TheoryData<string> NotFolded => new()
    {
        // parameters and non-const locals are not constants, whatever constant shares their name
        "class C { const string part = \"H\"; string M(string part) { var apiSecret = part + \"T\"; return apiSecret; } }",
        "class C { const string part = \"H\"; string M() { var part = System.Guid.NewGuid().ToString(); var apiSecret = part + \"T\"; return apiSecret; } }",
        "class C { const string part = \"H\"; System.Func<string, string> F = part => part + \"T\"; string apiSecret => F(part); }",
        "class C(string part) { string apiSecret = part + \"T\"; }",
        "class C { string M(string part) { var apiSecret = $\"{part}T\"; return apiSecret; } }",
        // content types are names of formats, not values
        "class C { void Send(string body, string token) { } void M() => Send(\"x\", \"application/x-www-form-urlencoded\"); }",
    };

    [Theory]
    [MemberData(nameof(NotFolded))]
    public Task Does_not_fold_locals_and_parameters(string template) =>
        Verify.AnalyzerAsync(template.Replace("\"H\"", "\"" + Head + "\"").Replace("\"T\"", "\"" + Tail + "\"")
            .Replace("T\"", Tail + "\""));
}
