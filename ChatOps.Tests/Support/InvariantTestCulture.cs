using System.Globalization;
using System.Runtime.CompilerServices;

namespace ChatOps.Tests.Support;

/// <summary>
/// The tests run in the invariant culture whatever the machine's language (<c>LANG=fr_FR.UTF-8</c> included): numbers,
/// dates and the dashboard's words are those the assertions expect (English, the neutral resources). A test of the French
/// dashboard sets <see cref="CultureInfo.CurrentUICulture"/> itself, for its own flow only.
/// </summary>
internal static class InvariantTestCulture
{
#pragma warning disable CA2255 // The test assembly is the program here: this runs before any test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Set()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
