using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace LoginPosture.Samples.Hosting;

/// <summary>
/// Checks a configuration section against an options type before it is bound, and lists every problem: a key that
/// names no setting (a misspelling the binder would ignore), a value that does not convert (the binder stops at
/// the first), and a list element that is not indexed or not an object. Keys match case-insensitively, as the
/// binder's do; enum values must be names (a number would admit undefined values).
/// </summary>
internal static class StrictConfiguration
{
    public static List<string> Check(IConfigurationSection section, Type optionsType)
    {
        var errors = new List<string>();
        Object(section, optionsType, errors);
        return errors;
    }

    private static void Object(IConfiguration section, Type type, List<string> errors)
    {
        var settings = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || IsList(p.PropertyType, out _)))
            .ToArray();
        foreach (var child in section.GetChildren())
        {
            var property = settings.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                errors.Add($"{child.Path} is not a setting of {type.Name}; known settings: {string.Join(", ", settings.Select(p => p.Name))}.");
                continue;
            }

            Value(child, property.PropertyType, errors);
        }
    }

    private static void Value(IConfigurationSection section, Type type, List<string> errors)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(plain))
        {
            if (section.GetChildren().Any())
            {
                errors.Add($"{section.Path} has sub-keys ({string.Join(", ", section.GetChildren().Select(c => c.Key))}); it takes a single {plain.Name} value.");
            }
            else if (section.Value is { } value && Convert(value, plain) is { } problem)
            {
                errors.Add($"{section.Path} is '{value}', {problem}");
            }

            return;
        }

        if (section.Value is { Length: > 0 })
        {
            errors.Add($"{section.Path} is '{section.Value}', but it is a section of {plain.Name} settings; give its settings as sub-keys.");
            return;
        }

        if (IsList(plain, out var element))
        {
            foreach (var item in section.GetChildren())
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"{item.Path} is not a list index; {section.Path} is a list, so number its elements 0, 1, 2, ...");
                    continue;
                }

                Value(item, element, errors);
            }

            return;
        }

        Object(section, plain, errors);
    }

    // Null when the value converts; otherwise what is wrong and the fix.
    private static string? Convert(string value, Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                && Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!)
                ? null
                : $"not a {type.Name}; use one of: {string.Join(", ", names)}.";
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException || e.InnerException is FormatException or OverflowException)
        {
            return type == typeof(TimeSpan)
                ? "not a duration; write it as hh:mm:ss such as 00:05:00, or d.hh:mm:ss."
                : $"not a valid {type.Name}; write it in invariant form such as {(type == typeof(bool) ? "true" : "25000")}.";
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(Uri);

    private static bool IsList(Type type, out Type element)
    {
        element = type.IsArray ? type.GetElementType()!
            : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var single] ? single
            : typeof(object);
        return element != typeof(object) && type != typeof(string);
    }
}
