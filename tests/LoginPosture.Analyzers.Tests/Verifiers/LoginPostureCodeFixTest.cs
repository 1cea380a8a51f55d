using System.Collections.Immutable;
using LoginPosture.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LoginPosture.Analyzers.Tests.Verifiers;

/// <summary>
/// The code fix on Microsoft.CodeAnalysis.Testing: <see cref="AnalyzerTest{TVerifier}.TestCode"/> carries the
/// diagnostics as markup, <see cref="CodeFixTest{TVerifier}.FixedCode"/> the exact text after every diagnostic is
/// fixed one at a time, and the framework also checks that Fix All (document, project, solution) gives the same
/// text and that the result compiles and is left without diagnostics.
/// </summary>
internal sealed class LoginPostureCodeFixTest : CSharpCodeFixTest<HardcodedSecretAnalyzer, MoveSecretOutOfSourceCodeFix, DefaultVerifier>
{
    /// <summary>Equivalence key of the "read it from the environment" action.</summary>
    public const string Environment = "LoginPosture.Environment";

    /// <summary>Equivalence key of the "read it from configuration" action.</summary>
    public const string Configuration = "LoginPosture.Configuration";

    /// <summary>A stand-in for Microsoft.Extensions.Configuration.Abstractions, which is not in the test host's TPA.</summary>
    public const string ConfigurationStub =
        """
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration { string? this[string key] { get; set; } }
        }
        """;

    public LoginPostureCodeFixTest()
    {
        TestReferences.Apply(this);
    }

    /// <summary>The titles offered each time the framework asked the fix for actions, in order.</summary>
    public List<string[]> OfferedTitles { get; } = [];

    /// <summary>Adds <see cref="ConfigurationStub"/> to the project before and after the fix.</summary>
    public LoginPostureCodeFixTest WithConfigurationStub()
    {
        TestState.Sources.Add(("/0/Configuration.cs", ConfigurationStub));
        FixedState.Sources.Add(("/0/Configuration.cs", ConfigurationStub));
        return this;
    }

    protected override ImmutableArray<CodeAction> FilterCodeActions(ImmutableArray<CodeAction> actions)
    {
        OfferedTitles.Add(actions.Select(a => a.Title).ToArray());
        return base.FilterCodeActions(actions);
    }
}
