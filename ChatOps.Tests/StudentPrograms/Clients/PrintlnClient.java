import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The Java student's client: PrintWriter.println to send, BufferedReader.readLine to receive.
 *
 * usage: java PrintlnClient HOST PORT [--threaded]
 * Messages come from standard input, one a line. Without --threaded each println is followed by exactly one readLine
 * (the synchronous exercise); with it a thread prints every line while the main thread sends. Each line read is
 * printed as "< TEXT\n" (readLine removed the line end), then "closed". After bye or arret it reads until the server
 * closes. Exit code 0 when the server closed, 3 on a 10 s timeout.
 */
public final class PrintlnClient {
    public static void main(String[] args) throws IOException, InterruptedException {
        Socket socket = new Socket(args[0], Integer.parseInt(args[1]));
        socket.setSoTimeout(10_000);
        boolean threaded = args.length > 2 && args[2].equals("--threaded");
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        int[] result = {3};
        Thread reader = new Thread(() -> result[0] = readUntilClosed(in));
        if (threaded) {
            reader.start();
        }
        String message;
        while ((message = keyboard.readLine()) != null) {
            out.println(message);
            if (message.equals("bye") || message.equals("arret")) {
                break;
            }
            if (!threaded && !readOne(in)) {
                System.exit(0);
            }
        }
        if (threaded) {
            reader.join(10_000);
        } else {
            result[0] = readUntilClosed(in);
        }
        System.exit(result[0]);
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

    private static int readUntilClosed(BufferedReader in) {
        try {
            while (readOne(in)) {
                // keep printing
            }
            return 0;
        } catch (SocketTimeoutException e) {
            System.err.println("timed out waiting for the server");
            return 3;
        } catch (IOException e) {
            System.err.println(e);
            return 2;
        }
    }
}
