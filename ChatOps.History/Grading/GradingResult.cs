namespace ChatOps.History.Grading;

/// <summary>One check of a grading run, as the checker reported it.</summary>
/// <param name="Name">The check's name (<c>connect</c>, <c>sender_ip</c>…).</param>
/// <param name="Result"><c>pass</c>, <c>fail</c> or <c>skip</c>.</param>
/// <param name="Reason">One line in English, with the server's text escaped: data, never markup (what a reader of the file sees).</param>
/// <param name="Ms">Milliseconds the check took.</param>
/// <param name="Transcript">The conversation as text, or null for a check that did not run.</param>
/// <param name="ReasonData">The reason as its phrase key and values (JSON), shown in each reader's language; null in runs stored before it was kept.</param>
public sealed record GradingResult(string Name, string Result, string Reason, long Ms, string? Transcript, string? ReasonData = null);
