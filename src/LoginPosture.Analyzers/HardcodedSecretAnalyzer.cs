using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using LoginPosture.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LoginPosture.Analyzers;

/// <summary>
/// Finds hardcoded secrets: LP0001 (a constant reaching a secret-named target), LP0002 (a credential in a known
/// provider format, anywhere) and LP0003 (a constant reaching an API that consumes a credential). One literal gets at
/// most one diagnostic, in that order of precedence: LP0002, LP0003, LP0001.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the environment variable the code fix reads instead of the literal.</summary>
    public const string EnvironmentVariableProperty = "LoginPosture.EnvironmentVariable";

    /// <summary>Diagnostic property: the configuration key the code fix reads when an IConfiguration is in scope.</summary>
    public const string ConfigurationKeyProperty = "LoginPosture.ConfigurationKey";

    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core", "xunit.assert", "xunit.v3.core", "xunit.v3.assert", "nunit.framework", "nunitlite",
        "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core",
    };

    private static readonly string[] TypeSuffixes =
    {
        "Client", "Service", "Options", "Settings", "Configuration", "Config", "Credentials", "Credential", "Keys",
        "Secrets", "Constants", "Api", "Connector", "Provider", "Manager", "Helper", "Gateway", "Adapter",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is skipped by default; loginposture_analyze_generated = true opts in, so the callbacks decide.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var provider = start.Options.AnalyzerConfigOptionsProvider;
            var global = SecretSettings.Read(provider.GlobalOptions, SecretSettings.Default);
            // Only loginposture_analyze_tests = false asks whether this is a test project, and listing the referenced
            // assemblies is a noticeable part of the analyzer's time in a build, so it waits until then.
            var compilation = start.Compilation;
            var pass = new CompilationPass(global, provider, CredentialSinks.Create(compilation),
                new Lazy<bool>(() => IsTestProject(compilation, provider.GlobalOptions)));

            start.RegisterSyntaxNodeAction(pass.AnalyzeLiteral,
                SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringExpression);
            start.RegisterSyntaxNodeAction(pass.AnalyzeConcatenation, SyntaxKind.AddExpression);
            start.RegisterSyntaxNodeAction(pass.AnalyzeConstantReference,
                SyntaxKind.EqualsValueClause, SyntaxKind.SimpleAssignmentExpression, SyntaxKind.Argument,
                SyntaxKind.ReturnStatement, SyntaxKind.ArrowExpressionClause);
        });
    }

    private static bool IsTestProject(Compilation compilation, AnalyzerConfigOptions global)
    {
        if (global.TryGetValue(SecretSettings.IsTestProjectProperty, out var value)
            && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            foreach (var framework in TestFrameworkAssemblies)
            {
                if (string.Equals(reference.Name, framework, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Per-compilation state: options, resolved sinks, and the per-tree option cache.</summary>
    private sealed class CompilationPass
    {
        private readonly SecretSettings global;
        private readonly AnalyzerConfigOptionsProvider provider;
        private readonly CredentialSinks sinks;
        private readonly Lazy<bool> isTestProject;
        private readonly ConcurrentDictionary<SyntaxTree, SecretSettings> perTree = new();
        private readonly Func<SyntaxTree, SecretSettings> readTree;

        public CompilationPass(SecretSettings global, AnalyzerConfigOptionsProvider provider, CredentialSinks sinks, Lazy<bool> isTestProject)
        {
            this.global = global;
            this.provider = provider;
            this.sinks = sinks;
            this.isTestProject = isTestProject;
            readTree = tree => SecretSettings.Read(this.provider.GetOptions(tree), this.global);
        }

        public void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
        {
            var node = (ExpressionSyntax)context.Node;
            if (IsConcatenationOperand(node))
            {
                return; // the whole concatenation is analysed once, from its top
            }

            var value = LiteralValue(node);
            if (value is null || value.Length < 4 || SettingsFor(context) is not { } settings)
            {
                return;
            }

            if (value.IndexOf(SecretValues.Hole) >= 0)
            {
                // Interpolated string with holes: scan the constant parts for formats, then try the folded constant.
                if (!ReportFormat(context, node, value) && AllHolesMayBeConstant((InterpolatedStringExpressionSyntax)node)
                    && context.SemanticModel.GetConstantValue(node, context.CancellationToken) is { HasValue: true, Value: string folded })
                {
                    Evaluate(context, settings, node, folded, scanFormats: true);
                }

                return;
            }

            Evaluate(context, settings, node, value, scanFormats: true);
        }

        public void AnalyzeConcatenation(SyntaxNodeAnalysisContext context)
        {
            var top = (ExpressionSyntax)context.Node;
            if (!IsConcatenationOperand(top) && ContainsStringLiteral(top) && SettingsFor(context) is { } settings)
            {
                AnalyzeConcatenation(context, settings, top);
            }
        }

        public void AnalyzeConstantReference(SyntaxNodeAnalysisContext context)
        {
            var value = context.Node switch
            {
                EqualsValueClauseSyntax equalsValue => equalsValue.Value,
                AssignmentExpressionSyntax assignment => assignment.Right,
                ArgumentSyntax argument => argument.Expression,
                ReturnStatementSyntax ret => ret.Expression,
                ArrowExpressionClauseSyntax arrow => arrow.Expression,
                _ => null,
            };

            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }

            // Cheapest test first: most arguments are literals or calls; only a name or member access needs its argument list read.
            if (value is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression })
                || (context.Node is ArgumentSyntax site && !IsArgumentWorthResolving(site))
                || NonConstant.Is(value))
            {
                return;
            }

            var target = SecretTarget.Find(value);
            if (target.Kind == TargetKind.None || SettingsFor(context) is not { } settings || !MayReport(target, settings))
            {
                return;
            }

            var model = context.SemanticModel;
            if (model.GetConstantValue(value, context.CancellationToken) is not { HasValue: true, Value: string constant })
            {
                return;
            }

            // A secret-named constant is reported where it is declared; its uses would only repeat that.
            if (model.GetSymbolInfo(value, context.CancellationToken).Symbol is { } symbol
                && symbol.Locations.Length > 0 && symbol.Locations[0].IsInSource
                && SecretNames.Classify(symbol.Name, settings) != NameKind.None)
            {
                return;
            }

            Evaluate(context, settings, value, constant, scanFormats: false);
        }

        private SecretSettings? SettingsFor(SyntaxNodeAnalysisContext context)
        {
            var settings = perTree.GetOrAdd(context.Node.SyntaxTree, readTree);
            if ((!settings.AnalyzeTests && isTestProject.Value) || (context.IsGeneratedCode && !settings.AnalyzeGenerated))
            {
                return null;
            }

            return settings;
        }

        private void AnalyzeConcatenation(SyntaxNodeAnalysisContext context, SecretSettings settings, ExpressionSyntax top)
        {
            var leaves = Leaves(top);
            var reported = false;
            var foldable = true;
            foreach (var leaf in leaves)
            {
                var piece = LiteralValue(leaf);
                if (piece is not null)
                {
                    reported |= ReportFormat(context, leaf, piece);
                }
                else
                {
                    foldable &= leaf is IdentifierNameSyntax or MemberAccessExpressionSyntax && !NonConstant.Is(leaf);
                }
            }

            if (reported || !foldable)
            {
                return;
            }

            if (context.SemanticModel.GetConstantValue(top, context.CancellationToken) is { HasValue: true, Value: string folded }
                && folded.Length >= 4)
            {
                Evaluate(context, settings, top, folded, scanFormats: true);
            }
        }

        private void Evaluate(SyntaxNodeAnalysisContext context, SecretSettings settings, ExpressionSyntax node, string value, bool scanFormats)
        {
            if (scanFormats && ReportFormat(context, node, value))
            {
                return;
            }

            // The target first: most literals go nowhere or to a name that says nothing secret (BaseUrl, SectionName),
            // and then none of the value checks below could lead to a report.
            var target = SecretTarget.Find(node);
            if (!MayReport(target, settings))
            {
                return;
            }

            // Sentences and UI text are never credentials, unless they are "Bearer <token>" or a passphrase.
            if (value.Length < settings.MinLength
                || (SecretValues.HasWhitespace(value) && !ValueChecks.HasAuthScheme(value) && !ValueChecks.IsPassphrase(value))
                || SecretValues.IsPlaceholder(value) || SecretValues.IsReference(value)
                || SecretValues.IsKnownNonSecret(value) || SecretValues.IsNameLike(value))
            {
                return;
            }

            switch (target.Kind)
            {
                case TargetKind.Named:
                    EvaluateNamed(context, settings, node, value, target);
                    break;
                case TargetKind.KeyValue:
                    EvaluateKeyValue(context, settings, node, value, KeyText(context, target.Key), target.Site);
                    break;
                case TargetKind.Argument:
                    EvaluateArgument(context, settings, node, value, target);
                    break;
                case TargetKind.TupleElement:
                    EvaluateTupleElement(context, settings, node, value, target);
                    break;
            }
        }

        /// <summary>
        /// False when no value could be reported at this target: there is none, or it is a name that says nothing
        /// secret (a Password or Key property may still be a credential sink such as NetworkCredential.Password).
        /// </summary>
        private static bool MayReport(SecretTarget target, SecretSettings settings) => target.Kind switch
        {
            TargetKind.None => false,
            TargetKind.Named => target.Name is "Password" or "Key" || SecretNames.Classify(target.Name!, settings) != NameKind.None,
            _ => true,
        };

        private void EvaluateNamed(SyntaxNodeAnalysisContext context, SecretSettings settings, ExpressionSyntax node, string value, SecretTarget target)
        {
            var name = target.Name!;
            if (target.Site is AssignmentExpressionSyntax assignment && name is "Password" or "Key"
                && context.SemanticModel.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol is IPropertySymbol property
                && sinks.MatchProperty(property) is { } sink)
            {
                if (ValueChecks.AcceptsSinkValue(value, settings))
                {
                    Report(context, Descriptors.LP0003_CredentialSink, node, name, sink);
                }

                return;
            }

            var kind = SecretNames.Classify(name, settings);
            if (ValueChecks.Accepts(kind, value, settings)
                || (CredentialOwner.MayStrengthen(kind, value, settings) && target.Site is AssignmentExpressionSyntax weakAssignment
                    && CredentialOwner.IsCredentialMember(context.SemanticModel.GetSymbolInfo(weakAssignment.Left, context.CancellationToken).Symbol, settings)))
            {
                Report(context, Descriptors.LP0001_SecretNamedTarget, node, name, name);
            }
        }

        private void EvaluateKeyValue(SyntaxNodeAnalysisContext context, SecretSettings settings, ExpressionSyntax node, string value, string? key,
            SyntaxNode? site)
        {
            if (key is null)
            {
                return;
            }

            if (CredentialSinks.IsCredentialHeader(key))
            {
                if (ValueChecks.AcceptsHeaderValue(value, settings))
                {
                    Report(context, Descriptors.LP0003_CredentialSink, node, key, "'" + key + "' header");
                }

                return;
            }

            if (site is ArgumentSyntax argument && IsSetEnvironmentVariable(context, argument))
            {
                if (SecretNames.Classify(key, settings) != NameKind.None && ValueChecks.AcceptsSinkValue(value, settings))
                {
                    Report(context, Descriptors.LP0003_CredentialSink, node, key, "environment variable '" + key + "'");
                }

                return;
            }

            if (ValueChecks.Accepts(SecretNames.Classify(key, settings), value, settings))
            {
                Report(context, Descriptors.LP0001_SecretNamedTarget, node, key, key);
            }
        }

        private void EvaluateArgument(SyntaxNodeAnalysisContext context, SecretSettings settings, ExpressionSyntax node, string value, SecretTarget target)
        {
            var argument = (ArgumentSyntax)target.Site!;
            if (SecretValues.HasWhitespace(value) && !ValueChecks.HasAuthScheme(value))
            {
                return; // a message, not a credential; saves the semantic model for most literals
            }

            var key = KeyText(context, target.Key);
            if (key is not null && CredentialSinks.IsCredentialHeader(key))
            {
                EvaluateKeyValue(context, settings, node, value, key, argument);
                return;
            }

            var parameter = (context.SemanticModel.GetOperation(argument, context.CancellationToken) as IArgumentOperation)?.Parameter;
            if (parameter is not null && sinks.MatchParameter(parameter) is { } sink)
            {
                if (ValueChecks.AcceptsSinkValue(value, settings))
                {
                    Report(context, Descriptors.LP0003_CredentialSink, node, parameter.Name, sink);
                }

                return;
            }

            if (key is not null && SecretNames.Classify(key, settings) != NameKind.None)
            {
                EvaluateKeyValue(context, settings, node, value, key, argument);
                return;
            }

            if (parameter is null)
            {
                return;
            }

            // new KucoinCredentials(key, secret, pass): a weak parameter name of a credential type is the API key.
            var kind = SecretNames.Classify(parameter.Name, settings);
            if (ValueChecks.Accepts(kind, value, settings)
                || (CredentialOwner.MayStrengthen(kind, value, settings) && CredentialOwner.IsCredentialMember(parameter, settings)))
            {
                Report(context, Descriptors.LP0001_SecretNamedTarget, node, parameter.Name, parameter.Name);
            }
        }

        private void EvaluateTupleElement(SyntaxNodeAnalysisContext context, SecretSettings settings, ExpressionSyntax node, string value,
            SecretTarget target)
        {
            var argument = (ArgumentSyntax)target.Site!;
            var tuple = (TupleExpressionSyntax)argument.Parent!;
            var index = tuple.Arguments.IndexOf(argument);
            if (TupleElement(context, tuple, index) is { IsExplicitlyNamedTupleElement: true } element
                && SecretNames.Classify(element.Name, settings) is var kind && kind != NameKind.None)
            {
                if (ValueChecks.Accepts(kind, value, settings))
                {
                    Report(context, Descriptors.LP0001_SecretNamedTarget, node, element.Name, element.Name);
                }

                return;
            }

            if (target.Key is not null)
            {
                EvaluateKeyValue(context, settings, node, value, KeyText(context, target.Key), tuple);
            }
        }

        private static IFieldSymbol? TupleElement(SyntaxNodeAnalysisContext context, TupleExpressionSyntax tuple, int index)
        {
            // A nested literal has no conversion of its own: its type is the element type of the tuple around it.
            var type = tuple.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer } outerArgument
                ? TupleElement(context, outer, outer.Arguments.IndexOf(outerArgument))?.Type
                : context.SemanticModel.GetTypeInfo(tuple, context.CancellationToken).ConvertedType;

            // Roslyn 4.8 gives an element of a collection expression its natural (unnamed) type; later compilers give
            // the target element type. Take the names from the collection's element type so both agree.
            if (!(type is INamedTypeSymbol { IsTupleType: true } named && TupleTypes.HasElementNames(named))
                && tuple.Parent is ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection })
            {
                type = TupleTypes.ElementType(context.SemanticModel.GetTypeInfo(collection, context.CancellationToken).ConvertedType) ?? type;
            }

            return type is INamedTypeSymbol { IsTupleType: true } tupleType && index < tupleType.TupleElements.Length
                ? tupleType.TupleElements[index]
                : null;
        }

        private bool IsSetEnvironmentVariable(SyntaxNodeAnalysisContext context, ArgumentSyntax argument) =>
            argument.Parent?.Parent is InvocationExpressionSyntax invocation
            && SecretTarget.NameOf(invocation.Expression) == "SetEnvironmentVariable"
            && context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method
            && sinks.IsSetEnvironmentVariable(method);

        private static bool ReportFormat(SyntaxNodeAnalysisContext context, ExpressionSyntax node, string value)
        {
            var format = CredentialFormats.Find(value);
            if (format == CredentialFormat.None)
            {
                return false;
            }

            var target = SecretTarget.Find(node);
            // Name the replacement after the target only when the target's name says secret (ApiSecret, not Value).
            var name = target.Kind == TargetKind.Named && SecretNames.Classify(target.Name!, SecretSettings.Default) != NameKind.None
                ? target.Name
                : null;
            Report(context, Descriptors.LP0002_KnownCredentialFormat, node, name, CredentialFormats.Describe(format),
                CredentialFormats.SuggestedVariable(format));
            return true;
        }

        private static string? KeyText(SyntaxNodeAnalysisContext context, ExpressionSyntax? key)
        {
            if (key is null)
            {
                return null;
            }

            if (SecretTarget.LiteralText(key) is { } text)
            {
                return text;
            }

            return key is IdentifierNameSyntax or MemberAccessExpressionSyntax && !NonConstant.Is(key)
                && context.SemanticModel.GetConstantValue(key, context.CancellationToken) is { HasValue: true, Value: string constant }
                ? constant
                : null;
        }

        private static bool IsArgumentWorthResolving(ArgumentSyntax argument)
        {
            if (argument.NameColon is not null)
            {
                return true;
            }

            if (argument.Parent is not ArgumentListSyntax list)
            {
                return false;
            }

            return (list.Arguments.Count == 2 && list.Arguments[1] == argument && SecretTarget.LiteralText(list.Arguments[0].Expression) is not null)
                || CredentialSinks.IsCandidateName(SecretTarget.InvokedName(list.Parent));
        }

        private static bool AllHolesMayBeConstant(InterpolatedStringExpressionSyntax interpolated)
        {
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolationSyntax hole
                    && (hole.AlignmentClause is not null || hole.FormatClause is not null
                        || hole.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or LiteralExpressionSyntax)
                        || NonConstant.Is(hole.Expression)))
                {
                    return false;
                }
            }

            return true;
        }

        private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor descriptor, ExpressionSyntax node, string? targetName,
            string messageArgument, string? fallbackVariable = null)
        {
            var typeName = node.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText;
            var variable = targetName is null ? fallbackVariable ?? "SECRET" : Naming.EnvironmentVariable(targetName, typeName, TypeSuffixes);
            var key = Naming.ConfigurationKey(targetName ?? variable, typeName, TypeSuffixes);
            var properties = ImmutableDictionary.CreateRange(new[]
            {
                new KeyValuePair<string, string?>(EnvironmentVariableProperty, variable),
                new KeyValuePair<string, string?>(ConfigurationKeyProperty, key),
            });
            context.ReportDiagnostic(Diagnostic.Create(descriptor, node.GetLocation(), properties, messageArgument));
        }

        private static string? LiteralValue(ExpressionSyntax node)
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    return literal.Token.ValueText;
                case InterpolatedStringExpressionSyntax interpolated:
                    var builder = new StringBuilder();
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            builder.Append(text.TextToken.ValueText);
                        }
                        else
                        {
                            builder.Append(SecretValues.Hole);
                        }
                    }

                    return builder.ToString();
                default:
                    return null;
            }
        }

        private static bool IsConcatenationOperand(ExpressionSyntax node)
        {
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression };
        }

        private static bool ContainsStringLiteral(ExpressionSyntax expression)
        {
            // Walks the left spine iteratively (long chains lean left); right operands are almost always leaves.
            var current = expression;
            while (true)
            {
                while (current is ParenthesizedExpressionSyntax parenthesized)
                {
                    current = parenthesized.Expression;
                }

                if (current is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary)
                {
                    return current is InterpolatedStringExpressionSyntax
                        || current.IsKind(SyntaxKind.StringLiteralExpression) || current.IsKind(SyntaxKind.Utf8StringLiteralExpression);
                }

                if (ContainsStringLiteral(binary.Right))
                {
                    return true;
                }

                current = binary.Left;
            }
        }

        private static List<ExpressionSyntax> Leaves(ExpressionSyntax top)
        {
            // Left-to-right leaves of a + chain, without recursion (long chains lean left).
            var leaves = new List<ExpressionSyntax>();
            var pending = new Stack<ExpressionSyntax>();
            pending.Push(top);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                switch (current)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        pending.Push(parenthesized.Expression);
                        break;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        pending.Push(binary.Right);
                        pending.Push(binary.Left);
                        break;
                    default:
                        leaves.Add(current);
                        break;
                }
            }

            return leaves;
        }
    }
}
