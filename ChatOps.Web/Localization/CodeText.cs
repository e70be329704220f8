using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace ChatOps.Web.Localization;

/// <summary>
/// A translated sentence with words to type in it (<c>Type {0} to leave</c>): the sentence is encoded as text and each
/// placeholder becomes a <c>&lt;code&gt;</c>, so a translator writes whole sentences, in their own word order.
/// </summary>
internal static class CodeText
{
    public static MarkupString Format(string sentence, params string[] code) =>
        new(string.Format(CultureInfo.InvariantCulture, WebUtility.HtmlEncode(sentence),
            [.. code.Select(c => (object)$"<code>{WebUtility.HtmlEncode(c)}</code>")]));
}
