using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LoginPosture;

/// <summary>Argument checks shared by the engines. Throwing lives in non-inlined helpers so hot paths stay small.</summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            ThrowNull(name);
        }

        return value;
    }

    public static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            ThrowUndefined(value, name);
        }
    }

    /// <summary>An argument exception's own sentence, without the " (Parameter 'x')" tail .NET appends to Message.</summary>
    public static string MessageOf(ArgumentException e) =>
        e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowNull(string? name) =>
        throw new ArgumentNullException(name, $"{name} must not be null.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowUndefined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum =>
        throw new ArgumentException(
            $"{name} is {value}, which is not a defined {typeof(TEnum).Name} value; use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.",
            name);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(string name, string message) => throw new ArgumentException(message, name);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowOutOfRange(string name, object? actual, string message) =>
        throw new ArgumentOutOfRangeException(name, actual, message);
}
