using ChatOps.TcpEngine;
using Microsoft.Extensions.Localization;

namespace ChatOps.Web.Join;

/// <summary>
/// Programs a student can start from, written as the lab's course writes them: Python sends one message per
/// <c>send()</c> and reads with <c>recv(1024)</c>; Java writes with <c>println</c> and reads with <c>readLine</c>.
/// ChatOps takes a message with or without a newline. Echo and sync rooms answer every message once, so the
/// program waits for that answer; async and relay rooms talk whenever they like, so a thread prints what arrives.
/// The code is the same in every language; its comments are in the page's language.
/// </summary>
internal static class JoinSnippets
{
    public static bool OneAnswerPerMessage(ChatMode mode) => mode is ChatMode.Echo or ChatMode.Sync;

    public static string Python(string host, int port, ChatMode mode, IStringLocalizer text) => OneAnswerPerMessage(mode)
        ? $$"""
            import socket

            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.connect(("{{host}}", {{port}}))
            while True:
                message = input("> ")
                s.send(message.encode("utf-8"))      # {{text["Join.Code.OneMessagePerSend"]}}
                if message in ("bye", "arret"):
                    break
                print(s.recv(1024).decode("utf-8"))  # {{text["Join.Code.Answer"]}}
            s.close()
            """
        : $$"""
            import socket
            import threading

            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.connect(("{{host}}", {{port}}))

            def receive():
                while True:
                    data = s.recv(1024)
                    if not data:                     # {{text["Join.Code.Closed"]}}
                        break
                    print(data.decode("utf-8"))

            threading.Thread(target=receive, daemon=True).start()
            while True:
                message = input()
                s.send(message.encode("utf-8"))      # {{text["Join.Code.OneMessagePerSend"]}}
                if message in ("bye", "arret"):
                    break
            s.close()
            """;

    public static string Java(string host, int port, ChatMode mode, IStringLocalizer text) => OneAnswerPerMessage(mode)
        ? $$"""
            import java.io.*;
            import java.net.Socket;

            public class Client {
                public static void main(String[] args) throws IOException {
                    Socket socket = new Socket("{{host}}", {{port}});
                    PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
                    BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in));
                    String message;
                    while ((message = keyboard.readLine()) != null) {
                        out.println(message);                 // {{text["Join.Code.OneMessagePerLine"]}}
                        if (message.equals("bye") || message.equals("arret")) break;
                        System.out.println(in.readLine());    // {{text["Join.Code.Answer"]}}
                    }
                    socket.close();
                }
            }
            """
        : $$"""
            import java.io.*;
            import java.net.Socket;

            public class Client {
                public static void main(String[] args) throws IOException {
                    Socket socket = new Socket("{{host}}", {{port}});
                    PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
                    new Thread(() -> {
                        try {
                            String line;
                            while ((line = in.readLine()) != null) System.out.println(line);
                        } catch (IOException closed) { }
                    }).start();
                    BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in));
                    String message;
                    while ((message = keyboard.readLine()) != null) {
                        out.println(message);                 // {{text["Join.Code.OneMessagePerLine"]}}
                        if (message.equals("bye") || message.equals("arret")) break;
                    }
                    socket.close();
                }
            }
            """;
}
