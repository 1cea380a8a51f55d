using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LoginPosture.Analyzers.Internal;

/// <summary>Where a constant value ends up.</summary>
internal enum TargetKind
{
    None = 0,

    /// <summary>A declaration, assignment, named argument, return or comparison with a name known from syntax.</summary>
    Named,

    /// <summary>A positional argument: the parameter (and any sink) needs the semantic model.</summary>
    Argument,

    /// <summary>The value half of a key/value pair whose key is a string: dictionary entries, headers, tuples.</summary>
    KeyValue,

    /// <summary>An unnamed element of a tuple literal: the element name comes from the tuple type it converts to
    /// (a declared, returned or parameter type such as <c>(string Key, string Secret)</c>), which needs the semantic model.</summary>
    TupleElement,
}

/// <summary>The target a value reaches, found by walking up the syntax tree from the value.</summary>
internal readonly struct SecretTarget
{
    private SecretTarget(TargetKind kind, string? name, SyntaxNode? site, ExpressionSyntax? key)
    {
        Kind = kind;
        Name = name;
        Site = site;
        Key = key;
    }

    public TargetKind Kind { get; }

    /// <summary>The target's name when syntax tells it (identifier, member, named argument).</summary>
    public string? Name { get; }

    /// <summary>The argument, assignment or declarator that receives the value.</summary>
    public SyntaxNode? Site { get; }

    /// <summary>For <see cref="TargetKind.KeyValue"/> (and a pair's second <see cref="TargetKind.TupleElement"/>): the key expression.</summary>
    public ExpressionSyntax? Key { get; }

    public static SecretTarget Named(string? name, SyntaxNode site) =>
        name is null ? default : new SecretTarget(TargetKind.Named, name, site, null);

    /// <summary>Walks from the value up through parentheses, casts, ternaries, ?? defaults, arrays, collections and
    /// byte conversions to the construct that names its destination.</summary>
    public static SecretTarget Find(ExpressionSyntax value)
    {
        SyntaxNode child = value;
        var parent = child.Parent;
        while (parent is not null)
        {
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                case CastExpressionSyntax:
                case ExpressionElementSyntax:
                case CollectionExpressionSyntax:
                case ArrayCreationExpressionSyntax:
                case ImplicitArrayCreationExpressionSyntax:
                    break;
                case PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    break;
                case SwitchExpressionArmSyntax arm when arm.Expression == child:
                    parent = arm.Parent; // the switch expression: its value goes where the switch goes
                    break;
                case AnonymousFunctionExpressionSyntax lambda when lambda.Body == child:
                    break; // Func<string> GetApiSecret = () => "...": the lambda's destination names it
                case BinaryExpressionSyntax binary:
                    if (binary.IsKind(SyntaxKind.CoalesceExpression) && binary.Right == child)
                    {
                        break;
                    }

                    if (binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression))
                    {
                        return Named(NameOf(binary.Left == child ? binary.Right : binary.Left), binary);
                    }

                    return default;
                case ConditionalExpressionSyntax conditional:
                    if (conditional.Condition == child)
                    {
                        return default;
                    }

                    break;
                case InitializerExpressionSyntax initializer:
                    if (initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                    {
                        return initializer.Expressions.Count == 2 && initializer.Expressions[1] == child
                            ? new SecretTarget(TargetKind.KeyValue, null, initializer, initializer.Expressions[0])
                            : default;
                    }

                    if (!initializer.IsKind(SyntaxKind.ArrayInitializerExpression) && !initializer.IsKind(SyntaxKind.CollectionInitializerExpression))
                    {
                        return default;
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation when creation.Initializer == child:
                    break;
                case MemberAccessExpressionSyntax access when access.Expression == child && access.Parent is InvocationExpressionSyntax call
                    && IsValueConversion(access.Name.Identifier.ValueText):
                    parent = call;
                    break;
                case ArgumentSyntax argument:
                    var fromArgument = FromArgument(argument, ref parent);
                    if (!fromArgument.IsContinue)
                    {
                        return fromArgument;
                    }

                    break;
                case AttributeArgumentSyntax attributeArgument:
                    return Named(attributeArgument.NameEquals?.Name.Identifier.ValueText ?? attributeArgument.NameColon?.Name.Identifier.ValueText, attributeArgument);
                case AnonymousObjectMemberDeclaratorSyntax member:
                    return Named(member.NameEquals?.Name.Identifier.ValueText, member);
                case EqualsValueClauseSyntax equalsValue:
                    return equalsValue.Parent switch
                    {
                        VariableDeclaratorSyntax declarator => Named(declarator.Identifier.ValueText, declarator),
                        PropertyDeclarationSyntax property => Named(property.Identifier.ValueText, property),
                        ParameterSyntax parameter => Named(parameter.Identifier.ValueText, parameter),
                        _ => default,
                    };
                case AssignmentExpressionSyntax assignment when assignment.Right == child:
                    return FromAssignment(assignment);
                case ArrowExpressionClauseSyntax arrow:
                    return Named(MemberName(arrow.Parent), arrow);
                case ReturnStatementSyntax ret:
                    return Named(EnclosingMemberName(ret), ret);
                case ConstantPatternSyntax pattern when pattern.Parent is IsPatternExpressionSyntax isPattern:
                    return Named(NameOf(isPattern.Expression), isPattern);
                default:
                    return default;
            }

            if (parent is null)
            {
                return default;
            }

            child = parent;
            parent = child.Parent;
        }

        return default;
    }

    /// <summary>The simple name an expression refers to: ApiKey, this.ApiKey, options?.ApiKey, GetApiKey(), dict["ApiKey"].</summary>
    public static string? NameOf(ExpressionSyntax? expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        ConditionalAccessExpressionSyntax conditional => NameOf(conditional.WhenNotNull),
        InvocationExpressionSyntax invocation => NameOf(invocation.Expression),
        ElementAccessExpressionSyntax element => LiteralText(element.ArgumentList.Arguments.Count == 1 ? element.ArgumentList.Arguments[0].Expression : null),
        DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } => single.Identifier.ValueText,
        ParenthesizedExpressionSyntax parenthesized => NameOf(parenthesized.Expression),
        _ => null,
    };

    /// <summary>The text of a plain string literal, or null.</summary>
    public static string? LiteralText(ExpressionSyntax? expression) =>
        expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    /// <summary>The name of the method, property or local function a member body belongs to.</summary>
    public static string? MemberName(SyntaxNode? member) => member switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
        _ => null,
    };

    private static string? EnclosingMemberName(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case MethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax:
                    return MemberName(current);
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static SecretTarget FromAssignment(AssignmentExpressionSyntax assignment)
    {
        var left = assignment.Left;
        if (left is ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element)
        {
            return new SecretTarget(TargetKind.KeyValue, null, assignment, element.ArgumentList.Arguments[0].Expression);
        }

        if (left is ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } implicitElement)
        {
            return new SecretTarget(TargetKind.KeyValue, null, assignment, implicitElement.ArgumentList.Arguments[0].Expression);
        }

        return Named(NameOf(left), assignment);
    }

    private static SecretTarget FromArgument(ArgumentSyntax argument, ref SyntaxNode? parent)
    {
        if (argument.Parent is TupleExpressionSyntax tuple)
        {
            return FromTupleElement(argument, tuple);
        }

        if (argument.Parent is not ArgumentListSyntax list)
        {
            return default;
        }

        var index = list.Arguments.IndexOf(argument);
        if (list.Parent is InvocationExpressionSyntax invocation)
        {
            var method = NameOf(invocation.Expression);
            if (list.Arguments.Count == 1 && IsValueConversion(method))
            {
                // Encoding.UTF8.GetBytes("..."), Convert.FromBase64String("..."): keep walking with the call as the value
                parent = invocation;
                return Continue;
            }

            if (method == "Equals")
            {
                if (invocation.Expression is MemberAccessExpressionSyntax access && list.Arguments.Count == 1
                    && NameOf(access.Expression) is { } receiver && !IsTypeKeyword(access.Expression))
                {
                    return Named(receiver, invocation);
                }

                if (list.Arguments.Count >= 2 && index <= 1)
                {
                    return Named(NameOf(list.Arguments[1 - index].Expression), invocation);
                }
            }
        }

        if (argument.NameColon is not null && !CredentialSinks.IsCandidateName(InvokedName(list.Parent)))
        {
            return Named(argument.NameColon.Name.Identifier.ValueText, argument);
        }

        if (index == 1 && list.Arguments.Count == 2 && list.Arguments[0].NameColon is null)
        {
            return new SecretTarget(TargetKind.Argument, null, argument, list.Arguments[0].Expression);
        }

        return new SecretTarget(TargetKind.Argument, null, argument, null);
    }

    private static SecretTarget FromTupleElement(ArgumentSyntax argument, TupleExpressionSyntax tuple)
    {
        if (argument.NameColon is not null)
        {
            return Named(argument.NameColon.Name.Identifier.ValueText, argument);
        }

        var index = tuple.Arguments.IndexOf(argument);
        if (tuple.Parent is AssignmentExpressionSyntax assignment && assignment.Right == tuple)
        {
            // (apiKey, apiSecret) = ("...", "...") and var (apiKey, apiSecret) = (...)
            var name = assignment.Left switch
            {
                TupleExpressionSyntax left when left.Arguments.Count == tuple.Arguments.Count => NameOf(left.Arguments[index].Expression),
                DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designation }
                    when designation.Variables.Count == tuple.Arguments.Count
                    => (designation.Variables[index] as SingleVariableDesignationSyntax)?.Identifier.ValueText,
                _ => null,
            };
            if (name is not null)
            {
                return Named(name, argument);
            }
        }

        // ("...", "...") returned as, assigned to or passed as (string Key, string Secret): the type names the element.
        // A pair's second element may also be the value of a ("ApiSecret", "...") key/value tuple.
        return new SecretTarget(TargetKind.TupleElement, null, argument,
            tuple.Arguments.Count == 2 && index == 1 ? tuple.Arguments[0].Expression : null);
    }

    /// <summary>Marker returned by <see cref="FromArgument"/> when the walk goes on from the conversion call.</summary>
    private static readonly SecretTarget Continue = new(TargetKind.None, "\0continue", null, null);

    internal bool IsContinue => ReferenceEquals(Name, Continue.Name);

    public static string? InvokedName(SyntaxNode? callOrCreation) => callOrCreation switch
    {
        InvocationExpressionSyntax invocation => NameOf(invocation.Expression),
        ObjectCreationExpressionSyntax creation => TypeName(creation.Type),
        _ => null,
    };

    private static string? TypeName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsTypeKeyword(ExpressionSyntax expression) => expression is PredefinedTypeSyntax;

    private static bool IsValueConversion(string? name) =>
        name is "GetBytes" or "FromBase64String" or "FromHexString" or "ToArray" or "ToCharArray" or "AsSpan" or "AsMemory" or "Trim";
}
