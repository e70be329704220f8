namespace ChatOps.TcpEngine.Engine;

/// <summary>The engine could not start listening; the message is one line meant for the person who started it.</summary>
public sealed class ChatEngineStartException : Exception
{
    public ChatEngineStartException()
    {
    }

    public ChatEngineStartException(string message)
        : base(message)
    {
    }

    public ChatEngineStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
