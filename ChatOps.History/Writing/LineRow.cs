using ChatOps.History.Queries;

namespace ChatOps.History.Writing;

internal readonly record struct LineRow(
    DateTimeOffset At,
    LineKind Kind,
    string Text,
    long? ClientId = null,
    string? Ip = null,
    int? Port = null,
    string? Actor = null,
    string? Detail = null,
    int? Recipients = null);
