namespace ChatOps.Cli.Bench;

/// <summary>The live status line on stderr: rewritten in place on a terminal, one line per update otherwise (logs).</summary>
internal sealed class ProgressLine(TextWriter errors, bool quiet)
{
    private readonly bool _inPlace = !Console.IsErrorRedirected;
    private int _width;

    public void Update(string text)
    {
        if (quiet)
            return;
        if (!_inPlace)
        {
            errors.WriteLine(text);
            return;
        }
        errors.Write('\r' + text.PadRight(_width));
        _width = text.Length;
    }

    public void Done()
    {
        if (!quiet && _inPlace && _width > 0)
            errors.WriteLine();
        _width = 0;
    }
}
