using System.Reflection;
using ChatOps.TcpEngine;
using ChatOps.TcpEngine.Protocol;

namespace ChatOps.Tests.Protocol;

/// <summary>Every notice of a language, found by reflection so a notice added later is checked without editing the tests.</summary>
internal static class AllNotices
{
    public static IReadOnlyList<(string Name, string Text)> Of(Notices notices) =>
        [.. typeof(Notices).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsAbstract && m.ReturnType == typeof(string))
            .SelectMany(m => ArgumentsFor(m).Select(args => (m.Name, (string)m.Invoke(notices, args)!)))];

    private static IEnumerable<object?[]> ArgumentsFor(MethodInfo method)
    {
        var parameters = method.GetParameters();
        yield return [.. parameters.Select(p => Sample(p, empty: false))];
        if (parameters.Any(p => IsNullable(p)))
            yield return [.. parameters.Select(p => Sample(p, empty: true))];
    }

    private static bool IsNullable(ParameterInfo p) =>
        Nullable.GetUnderlyingType(p.ParameterType) is not null
        || (p.ParameterType == typeof(string) && new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable);

    private static object? Sample(ParameterInfo p, bool empty)
    {
        if (empty && IsNullable(p))
            return null;
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        return type switch
        {
            _ when type == typeof(string) => p.Name == "reason" ? "hors sujet" : "192.168.1.23",
            _ when type == typeof(int) => 7,
            _ when type == typeof(ChatMode) => ChatMode.Sync,
            _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(30),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 30, 14, 5, 0, TimeSpan.Zero),
            _ => throw new NotSupportedException($"AllNotices needs a sample {type.Name} for {p.Member.Name}({p.Name})"),
        };
    }
}
