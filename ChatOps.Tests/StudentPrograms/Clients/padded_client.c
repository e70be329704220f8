/*
 * A student's C client: every message is written as one fixed 256-byte buffer, zero-padded after the text, and each
 * answer is read with one read() into a buffer.
 *
 * usage: padded_client HOST PORT [--reuse] [--threaded] [--think-ms N]
 *
 * Messages come from standard input, one a line (without its newline on the wire).
 * --reuse   copies each message into the same buffer with strcpy and no memset, as many students do: after a longer
 *           message, the NUL is followed by its leftovers ("bye\0jour é à..." after "bonjour é à...").
 * --threaded  a thread prints every read() while the main thread writes (the asynchronous and relay exercises);
 *           without it, each write is followed by exactly one read() (the echo and synchronous exercises).
 * --think-ms N  waits N ms before each write: the time a person takes to type the next message at the keyboard
 *           (without it, the messages follow each other as fast as a pipe gives them: ./client < messages.txt).
 * Every read() is printed as one line "< TEXT" with \\, \r, \n, \0 and other control bytes escaped, then "closed"
 * when the server closes. After bye or arret it reads until the server closes. Exit code 0 when the server closed,
 * 3 when a read timed out (10 s), 2 on a socket error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define BUFFER_SIZE 256

static int sock;

static void show_received(const char *data, ssize_t n)
{
    fputs("< ", stdout);
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\\') fputs("\\\\", stdout);
        else if (c == '\r') fputs("\\r", stdout);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c == '\0') fputs("\\0", stdout);
        else if (c < 0x20 || c == 0x7F) printf("\\x%02X", c);
        else putchar(c);
    }
    putchar('\n');
    fflush(stdout);
}

/* One read(): 1 when something was printed, 0 when the server closed, -1 on timeout or error. */
static int receive_once(void)
{
    char answer[BUFFER_SIZE];
    ssize_t n = read(sock, answer, sizeof answer);
    if (n > 0) {
        show_received(answer, n);
        return 1;
    }
    if (n == 0) {
        puts("closed");
        fflush(stdout);
        return 0;
    }
    fprintf(stderr, "read: %s\n", errno == EAGAIN || errno == EWOULDBLOCK ? "timed out" : strerror(errno));
    return -1;
}

static int receive_until_closed(void)
{
    int r;
    while ((r = receive_once()) > 0) {
    }
    return r == 0 ? 0 : 3;
}

static void *reader(void *result)
{
    *(int *)result = receive_until_closed();
    return NULL;
}

static int write_all(const char *data, size_t n)
{
    while (n > 0) {
        ssize_t w = write(sock, data, n);
        if (w < 0) {
            perror("write");
            return -1;
        }
        data += w;
        n -= (size_t)w;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s HOST PORT [--reuse] [--threaded]\n", argv[0]);
        return 2;
    }
    int reuse = 0, threaded = 0;
    long think_ms = 0;
    for (int i = 3; i < argc; i++) {
        if (strcmp(argv[i], "--reuse") == 0) reuse = 1;
        if (strcmp(argv[i], "--threaded") == 0) threaded = 1;
        if (strcmp(argv[i], "--think-ms") == 0 && i + 1 < argc) think_ms = atol(argv[++i]);
    }

    sock = socket(AF_INET, SOCK_STREAM, 0);
    struct timeval timeout = { .tv_sec = 10, .tv_usec = 0 };
    setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    struct sockaddr_in server = { 0 };
    server.sin_family = AF_INET;
    server.sin_port = htons((unsigned short)atoi(argv[2]));
    inet_pton(AF_INET, argv[1], &server.sin_addr);
    if (connect(sock, (struct sockaddr *)&server, sizeof server) < 0) {
        perror("connect");
        return 2;
    }

    pthread_t thread;
    int reader_result = 3;
    if (threaded)
        pthread_create(&thread, NULL, reader, &reader_result);

    static char buffer[BUFFER_SIZE]; /* zero at start, as a static or memset buffer is */
    char line[1024];
    int ended = 0;
    while (!ended && fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (think_ms > 0) {
            struct timespec typing = { .tv_sec = think_ms / 1000, .tv_nsec = (think_ms % 1000) * 1000000L };
            nanosleep(&typing, NULL); /* a person typing, not a synchronisation */
        }
        if (!reuse)
            memset(buffer, 0, sizeof buffer);
        /* strcpy's effect (text, then one NUL): with --reuse the rest of a longer earlier message stays after it. */
        size_t length = strlen(line) < sizeof buffer - 1 ? strlen(line) : sizeof buffer - 1;
        memcpy(buffer, line, length);
        buffer[length] = '\0';
        if (write_all(buffer, sizeof buffer) < 0)
            return 2;
        ended = strcmp(line, "bye") == 0 || strcmp(line, "arret") == 0;
        if (!threaded && !ended) {
            int r = receive_once();
            if (r <= 0)
                return r == 0 ? 0 : 3;
        }
    }
    if (threaded) {
        pthread_join(thread, NULL);
        return reader_result;
    }
    return receive_until_closed();
}
