using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace ChatOps.Tests.Support;

/// <summary>
/// Playwright's default wait for an <c>Expect(…)</c> assertion, set once for the whole run: the setting is static, and
/// browser tests of different collections run at the same time, so a test that set it for itself changed it under the
/// others. 15 s covers a page, its circuit and a few real clients on two busy cores; a longer wait (a class's checks)
/// passes its own <c>Timeout</c> to the assertion.
/// </summary>
internal static class BrowserExpectTimeout
{
    public const float Milliseconds = 15_000;

#pragma warning disable CA2255 // The test assembly is the program here: this runs before any test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Set() => Assertions.SetDefaultExpectTimeout(Milliseconds);
}
