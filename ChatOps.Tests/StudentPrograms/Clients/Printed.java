import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the Java clients print: each read as one line "< TEXT" with \\, \r, \n, \0 and control characters escaped. */
final class Printed {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Printed() {
    }

    static synchronized void received(String text) {
        StringBuilder line = new StringBuilder("< ");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\r' -> line.append("\\r");
                case '\n' -> line.append("\\n");
                case '\0' -> line.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        line.append(String.format("\\x%02X", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        OUT.println(line);
    }

    static synchronized void closed() {
        OUT.println("closed");
    }
}
