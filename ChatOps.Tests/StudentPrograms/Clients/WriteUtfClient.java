import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The Java student's client that uses DataOutputStream.writeUTF and DataInputStream.readUTF (a 2-byte length, then
 * modified UTF-8; no newline anywhere).
 *
 * usage: java WriteUtfClient HOST PORT [--threaded]
 * As PrintlnClient: messages from standard input; one readUTF per writeUTF, or a reading thread with --threaded.
 * Each record read is printed as "< TEXT", then "closed". Exit code 0 when the server closed, 3 on a 10 s timeout.
 */
public final class WriteUtfClient {
    public static void main(String[] args) throws IOException, InterruptedException {
        Socket socket = new Socket(args[0], Integer.parseInt(args[1]));
        socket.setSoTimeout(10_000);
        boolean threaded = args.length > 2 && args[2].equals("--threaded");
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        int[] result = {3};
        Thread reader = new Thread(() -> result[0] = readUntilClosed(in));
        if (threaded) {
            reader.start();
        }
        String message;
        while ((message = keyboard.readLine()) != null) {
            out.writeUTF(message);
            out.flush();
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

    private static boolean readOne(DataInputStream in) throws IOException {
        try {
            Printed.received(in.readUTF());
            return true;
        } catch (EOFException e) {
            Printed.closed();
            return false;
        }
    }

    private static int readUntilClosed(DataInputStream in) {
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
