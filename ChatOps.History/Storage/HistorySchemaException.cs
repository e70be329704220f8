namespace ChatOps.History.Storage;

/// <summary>The database file cannot be used by this version of ChatOps.</summary>
public sealed class HistorySchemaException : Exception
{
    public HistorySchemaException()
    {
    }

    public HistorySchemaException(string message)
        : base(message)
    {
    }

    public HistorySchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
