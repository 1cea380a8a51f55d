using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LoginPosture.Analyzers.CodeFixes;

/// <summary>
/// Replaces a hardcoded secret with a read at run time: <c>configuration["Section:Key"]</c> when an
/// <c>IConfiguration</c> is in scope, otherwise <c>Environment.GetEnvironmentVariable("NAME")</c>; both throw a clear
/// <see cref="InvalidOperationException"/> when the value is missing. A <c>const</c> holding the secret becomes
/// <c>static readonly</c>. A fix is offered only if the project has no more compiler errors after it than before.
/// </summary>
/// <remarks>
/// Built against Roslyn 4.8 so the oldest supported host (VS 17.8, .NET 8 SDK) loads it. It carries no MEF
/// <c>[Shared]</c> attribute on purpose: that attribute lives in System.Composition, whose version differs per host,
/// and a reference newer than the host's would stop the IDE from loading the fix. The provider is stateless, so a
/// host that creates one instance per import loses nothing.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveSecretOutOfSourceCodeFix))]
public sealed class MoveSecretOutOfSourceCodeFix : CodeFixProvider
{
    private const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.SecretNamedTarget, RuleIds.KnownCredentialFormat, RuleIds.CredentialSink);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var cancellation = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
        if (root is null || model is null || root.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax value)
        {
            return;
        }

        var diagnostic = context.Diagnostics[0];
        var variable = Sanitize(diagnostic.Properties.TryGetValue(HardcodedSecretAnalyzer.EnvironmentVariableProperty, out var v) ? v : null, "SECRET");
        var key = diagnostic.Properties.TryGetValue(HardcodedSecretAnalyzer.ConfigurationKeyProperty, out var k) && k is not null
            ? k.Replace("\\", string.Empty).Replace("\"", string.Empty)
            : variable;
        var errorsBefore = await CountErrorsAsync(document.Project, cancellation).ConfigureAwait(false);

        foreach (var receiver in ConfigurationReceivers(model, value, cancellation))
        {
            var changed = Replace(document, root, value, ConfigurationRead(receiver, key));
            if (await CountErrorsAsync(changed.Project, cancellation).ConfigureAwait(false) <= errorsBefore)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Read '{key}' from configuration", _ => Task.FromResult(changed), "LoginPosture.Configuration"),
                    diagnostic);
                break;
            }
        }

        var fromEnvironment = Replace(document, root, value, EnvironmentRead(variable));
        if (await CountErrorsAsync(fromEnvironment.Project, cancellation).ConfigureAwait(false) <= errorsBefore)
        {
            context.RegisterCodeFix(
                CodeAction.Create($"Read '{variable}' from the environment", _ => Task.FromResult(fromEnvironment), "LoginPosture.Environment"),
                diagnostic);
        }
    }

    private static Document Replace(Document document, SyntaxNode root, ExpressionSyntax value, ExpressionSyntax read)
    {
        SyntaxNode target = value;
        var replacement = read;
        if (value.IsKind(SyntaxKind.Utf8StringLiteralExpression))
        {
            // "..."u8 is a ReadOnlySpan<byte>; "..."u8.ToArray() a byte[]: both accept the bytes of the string.
            replacement = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::System.Text.Encoding.UTF8.GetBytes"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(read))));
            if (value.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray" } access && access.Expression == value
                && access.Parent is InvocationExpressionSyntax toArray)
            {
                target = toArray;
            }
        }

        // Every global::-qualified name carries the simplifier annotation so it is shortened where a using allows.
        replacement = replacement.ReplaceNodes(
            replacement.DescendantNodesAndSelf().Where(n => n is MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        var newValue = SyntaxFactory.ParenthesizedExpression(replacement)
            .WithTriviaFrom(target)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        var constDeclaration = value.Ancestors().FirstOrDefault(a => a is FieldDeclarationSyntax or LocalDeclarationStatementSyntax);
        var nodes = new List<SyntaxNode> { target };
        if (constDeclaration is not null && IsConst(constDeclaration))
        {
            nodes.Add(constDeclaration);
        }

        var newRoot = root.ReplaceNodes(nodes, (original, rewritten) => original == target ? newValue : DropConst(rewritten));
        return document.WithSyntaxRoot(newRoot);
    }

    private static bool IsConst(SyntaxNode declaration) => declaration switch
    {
        FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
        LocalDeclarationStatementSyntax local => local.Modifiers.Any(SyntaxKind.ConstKeyword),
        _ => false,
    };

    private static SyntaxNode DropConst(SyntaxNode declaration)
    {
        switch (declaration)
        {
            case FieldDeclarationSyntax field:
                var modifiers = new List<SyntaxToken>();
                foreach (var modifier in field.Modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.ConstKeyword))
                    {
                        modifiers.Add(SyntaxFactory.Token(modifier.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                        modifiers.Add(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, modifier.TrailingTrivia));
                    }
                    else
                    {
                        modifiers.Add(modifier);
                    }
                }

                return field.WithModifiers(SyntaxFactory.TokenList(modifiers));
            case LocalDeclarationStatementSyntax local:
                var constToken = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                var rest = local.WithModifiers(local.Modifiers.Remove(constToken));
                return rest.WithLeadingTrivia(constToken.LeadingTrivia);
            default:
                return declaration;
        }
    }

    /// <summary>Names of IConfiguration parameters, locals, fields and properties visible at the value, nearest first.</summary>
    private static IEnumerable<string> ConfigurationReceivers(SemanticModel model, ExpressionSyntax value, CancellationToken cancellation)
    {
        var configuration = model.Compilation.GetTypeByMetadataName(ConfigurationInterface);
        if (configuration is null)
        {
            return Array.Empty<string>();
        }

        cancellation.ThrowIfCancellationRequested();
        return model.LookupSymbols(value.SpanStart)
            .Select(symbol => (symbol, type: symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            }))
            .Where(c => c.type is not null && (SymbolEqualityComparer.Default.Equals(c.type, configuration)
                || c.type.AllInterfaces.Contains(configuration, SymbolEqualityComparer.Default)))
            .OrderBy(c => c.symbol is ILocalSymbol or IParameterSymbol ? 0 : 1)
            .ThenBy(c => c.symbol.Name, StringComparer.Ordinal)
            .Select(c => c.symbol.Name)
            .Take(3)
            .ToArray();
    }

    private static ExpressionSyntax EnvironmentRead(string variable) => SyntaxFactory.ParseExpression(
        $"global::System.Environment.GetEnvironmentVariable(\"{variable}\") ?? throw new global::System.InvalidOperationException(\"Set the {variable} environment variable.\")");

    private static ExpressionSyntax ConfigurationRead(string receiver, string key) => SyntaxFactory.ParseExpression(
        $"{receiver}[\"{key}\"] ?? throw new global::System.InvalidOperationException(\"Set the configuration value '{key}'.\")");

    private static async Task<int> CountErrorsAsync(Project project, CancellationToken cancellation)
    {
        var compilation = await project.GetCompilationAsync(cancellation).ConfigureAwait(false);
        return compilation is null ? int.MaxValue : compilation.GetDiagnostics(cancellation).Count(d => d.Severity == DiagnosticSeverity.Error);
    }

    private static string Sanitize(string? name, string fallback)
    {
        if (name is null)
        {
            return fallback;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : c is >= 'a' and <= 'z' ? char.ToUpperInvariant(c) : '_');
        }

        return builder.Length == 0 ? fallback : builder.ToString();
    }
}
