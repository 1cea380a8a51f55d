using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LoginPosture.Analyzers.Internal;

/// <summary>
/// Proves from syntax alone that a name cannot be a constant: it is a parameter or a non-const local of an enclosing
/// scope (which shadows any field of that name), or a member reached through one of those or through this/base. Asking
/// the semantic model instead binds the whole enclosing member, which is most of the analyzer's cost; so folding a
/// concatenation or interpolation, or resolving a referenced constant, first asks here. "Unknown" is always false.
/// </summary>
internal static class NonConstant
{
    public static bool Is(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    expression = access.Expression;
                    if (expression is IdentifierNameSyntax { Identifier.ValueText: "StringComparison" or "CultureInfo" or "Encoding" })
                    {
                        return true; // StringComparison.Ordinal, CultureInfo.InvariantCulture, Encoding.UTF8: never a string
                    }

                    if (expression is ThisExpressionSyntax or BaseExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax)
                    {
                        return true; // instance member: a constant cannot be reached this way
                    }

                    continue;
                case IdentifierNameSyntax identifier when expression.Parent is MemberAccessExpressionSyntax:
                    // "Color Color": a local or parameter named like its type (Keys Keys) still reaches the type's
                    // constants (Keys.ApiSecret); such names are PascalCase, so only camelCase roots count.
                    return !char.IsUpper(identifier.Identifier.ValueText, 0) && IsLocalOrParameter(identifier);
                case IdentifierNameSyntax identifier:
                    return IsLocalOrParameter(identifier);
                default:
                    return false;
            }
        }
    }

    private static bool IsLocalOrParameter(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (var scope = identifier.Parent; scope is not null; scope = scope.Parent)
        {
            switch (scope)
            {
                case BlockSyntax block:
                    if (Declares(block.Statements, name) is { } blockLocal)
                    {
                        return blockLocal;
                    }

                    break;
                case SwitchStatementSyntax @switch:
                    foreach (var section in @switch.Sections)
                    {
                        if (Declares(section.Statements, name) is { } sectionLocal)
                        {
                            return sectionLocal;
                        }
                    }

                    break;
                case ForEachStatementSyntax forEach when forEach.Identifier.ValueText == name:
                case ForStatementSyntax { Declaration: { } forDeclaration } when HasVariable(forDeclaration, name):
                case UsingStatementSyntax { Declaration: { } usingDeclaration } when HasVariable(usingDeclaration, name):
                case CatchClauseSyntax { Declaration: { } catchDeclaration } when catchDeclaration.Identifier.ValueText == name:
                case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == name:
                case ParenthesizedLambdaExpressionSyntax lambda when HasParameter(lambda.ParameterList, name):
                case AnonymousMethodExpressionSyntax { ParameterList: { } anonymousParameters } when HasParameter(anonymousParameters, name):
                case LocalFunctionStatementSyntax localFunction when HasParameter(localFunction.ParameterList, name):
                case AccessorDeclarationSyntax accessor when name == "value"
                    && accessor.Kind() is SyntaxKind.SetAccessorDeclaration or SyntaxKind.InitAccessorDeclaration
                        or SyntaxKind.AddAccessorDeclaration or SyntaxKind.RemoveAccessorDeclaration:
                    return true;
                case BaseMethodDeclarationSyntax method:
                    return HasParameter(method.ParameterList, name) || IsPrimaryConstructorParameter(method.Parent, name);
                case IndexerDeclarationSyntax indexer:
                    return HasParameter(indexer.ParameterList, name) || IsPrimaryConstructorParameter(indexer.Parent, name);
                case MemberDeclarationSyntax member:
                    return IsPrimaryConstructorParameter(member is TypeDeclarationSyntax ? member : member.Parent, name);
            }
        }

        return false;
    }

    /// <summary>Null when the statements declare no local of that name; else whether it is a non-const local.</summary>
    private static bool? Declares(SyntaxList<StatementSyntax> statements, string name)
    {
        foreach (var statement in statements)
        {
            if (statement is LocalDeclarationStatementSyntax local && HasVariable(local.Declaration, name))
            {
                return !local.IsConst;
            }
        }

        return null;
    }

    private static bool HasVariable(VariableDeclarationSyntax declaration, string name)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasParameter(BaseParameterListSyntax list, string name)
    {
        foreach (var parameter in list.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPrimaryConstructorParameter(SyntaxNode? type, string name)
    {
        // Members (own or inherited) shadow primary constructor parameters, so only a type with no base list, no other
        // partial part and no member of that name is certain.
        if (type is not TypeDeclarationSyntax { ParameterList: { } parameters, BaseList: null } declaration
            || declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || !HasParameter(parameters, name))
        {
            return false;
        }

        foreach (var member in declaration.Members)
        {
            var declares = member switch
            {
                BaseFieldDeclarationSyntax field => HasVariable(field.Declaration, name),
                PropertyDeclarationSyntax property => property.Identifier.ValueText == name,
                MethodDeclarationSyntax method => method.Identifier.ValueText == name,
                EventDeclarationSyntax @event => @event.Identifier.ValueText == name,
                BaseTypeDeclarationSyntax nested => nested.Identifier.ValueText == name,
                DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText == name,
                _ => false,
            };
            if (declares)
            {
                return false;
            }
        }

        return true;
    }
}
