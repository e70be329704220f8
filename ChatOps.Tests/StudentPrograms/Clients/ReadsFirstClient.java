import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A Java student's client that reads before it writes: it waits for the server to speak first (readLine), then
 * sends each message with println and reads one line back.
 *
 * usage: java ReadsFirstClient HOST PORT
 * Messages come from standard input, one a line, read only after the server's first line arrived. Each line read is
 * printed as "< TEXT\n", then "closed". Exit code 0 when the server closed, 3 on a 10 s timeout.
 */
public final class ReadsFirstClient {
    public static void main(String[] args) throws IOException {
        Socket socket = new Socket(args[0], Integer.parseInt(args[1]));
        socket.setSoTimeout(10_000);
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            if (!readOne(in)) {
                System.exit(0);
            }
            String message;
            while ((message = keyboard.readLine()) != null) {
                out.println(message);
                if (!readOne(in)) {
                    System.exit(0);
                }
                if (message.equals("bye") || message.equals("arret")) {
                    break;
                }
            }
            while (readOne(in)) {
                // read until the server closes
            }
            System.exit(0);
        } catch (SocketTimeoutException e) {
            System.err.println("timed out waiting for the server");
            System.exit(3);
        }
    }

    private static boolean readOne(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            Printed.closed();
            return false;
        }
        Printed.received(line + "\n");
        return true;
    }
}
