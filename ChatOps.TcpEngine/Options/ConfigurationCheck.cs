using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ChatOps.TcpEngine.Options;

/// <summary>
/// What the configuration binder would ignore without a word (a key no option has, such as <c>Chat:Mdoe</c>) or reject
/// naming only a .NET type (an enum value that is not one of the names): one line per problem, naming the key, for the
/// program to print before anything starts.
/// </summary>
public static class ConfigurationCheck
{
    public static IEnumerable<string> Problems<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
        IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Problems(configuration.GetSection(section), typeof(TOptions));
    }

    // A dictionary of option objects (Chat:Rooms:<name>:…) is checked entry by entry against its value type.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Option types are kept by the configuration binder.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Option types are kept by the configuration binder.")]
    private static IEnumerable<string> Problems(IConfigurationSection section, Type options)
    {
        var properties = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).ToList();
        foreach (var child in section.GetChildren())
        {
            var property = properties.Find(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                yield return $"{child.Path} is not a setting; did you mean {section.Path}:{Closest(child.Key, properties.Select(p => p.Name))}?";
                continue;
            }
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsEnum && child.Value is { } value && !Enum.GetNames(type).Any(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)))
                yield return $"{child.Path} must be one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))} (got '{value}').";
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[1] is { IsClass: true } entry && entry != typeof(string))
            {
                foreach (var problem in child.GetChildren().SelectMany(e => Problems(e, entry)))
                    yield return problem;
            }
        }
    }

    /// <summary>The known name nearest to <paramref name="key"/> by edit distance, ignoring case.</summary>
    internal static string Closest(string key, IEnumerable<string> known) =>
        known.MinBy(name => Distance(key.ToUpperInvariant(), name.ToUpperInvariant())) ?? "";

    // Levenshtein distance, one row at a time: option names are short.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
