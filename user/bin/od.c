/*
 * od: octal dump: the bytes of files (or standard input), 16 a line,
 * each line starting with its offset.
 *
 *   od [-A o|d|x|n] [-b | -c | -d | -o | -x | -t TYPE[z]] [-v] [FILE...]
 *
 * -o: two-byte words in octal (the default); -x: in hex; -d: in
 * unsigned decimal; -b: bytes in octal; -c: bytes as characters, with
 * C's escapes (\n, \0 ...) and octal for the others. Words are read in
 * the machine's byte order: x86 is little-endian, so "ab" is 0x6261.
 * -t names the same formats by type and size (o1, c, u2, o2, x2) and
 * one more, x1: bytes in hex; a 'z' after it adds the line's bytes as
 * text, ">hello.<" (a dot for each one that does not print), which
 * makes "od -A x -t x1z" a hex dump like "hexdump -C".
 * -A: the offsets' base (n: none). A line equal to the one before is
 * shown as "*" (-v: shown anyway). The files are one stream: a line may
 * hold the end of one and the start of the next.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LINE 16

struct format {
	int size;               /* bytes per item: 1 or 2 */
	const char *spec;       /* how one item is printed */
};

static const struct format formats[] = {
	['b'] = { 1, " %03o" },
	['c'] = { 1, NULL },    /* characters: see print_char */
	['d'] = { 2, " %5u" },
	['o'] = { 2, " %06o" },
	['x'] = { 2, " %04x" },
};

static const struct format hex_bytes = { 1, " %02x" };

/* -t TYPE: the formats above by type and size; *text if it ends in z. */
static const struct format *type_format(const char *type, int *text)
{
	static const struct { const char *type; const struct format *f; } types[] = {
		{ "o1", &formats['b'] }, { "c", &formats['c'] }, { "u2", &formats['d'] },
		{ "o2", &formats['o'] }, { "x2", &formats['x'] }, { "x1", &hex_bytes },
	};
	size_t len = strlen(type);

	*text = len > 0 && type[len - 1] == 'z';
	len -= *text;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strlen(types[i].type) == len && strncmp(type, types[i].type, len) == 0)
			return types[i].f;
	errx(1, "invalid type string '%s'", type);
}

static char **files;            /* the input stream: these in turn */
static FILE *in;
static int status;

static void usage(void)
{
	fprintf(stderr, "usage: od [-A o|d|x|n] [-b | -c | -d | -o | -x | -t TYPE[z]] [-v] [file ...]\n");
	exit(1);
}

/* Up to n bytes of the stream, across file boundaries. */
static size_t read_stream(unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		if (!in) {
			if (!*files)
				break;
			in = strcmp(*files, "-") == 0 ? stdin : fopen(*files, "r");
			if (!in) {
				warn("%s", *files++);
				status = 1;
				continue;
			}
		}
		got += fread(buf + got, 1, n - got, in);
		if (got < n) {
			if (ferror(in)) {
				warn("%s", *files);
				status = 1;
			}
			if (in != stdin)
				fclose(in);
			in = NULL;
			files++;
		}
	}
	return got;
}

/* -c's item: 4 columns, as every item of a format has the same width. */
static int print_char(unsigned char c)
{
	static const char escapes[] = "\0\a\b\f\n\r\t\v";
	static const char letters[] = "0abfnrtv";
	const char *e = c ? memchr(escapes + 1, c, sizeof(escapes) - 2) : escapes;

	if (e)
		return printf("  \\%c", letters[e - escapes]);
	if (c >= 32 && c < 127)
		return printf("   %c", c);
	return printf(" %03o", c);
}

/* One line of items; and with text (-t ...z) its bytes as text, lined up
   after where a full line's items end. */
static void print_line(const struct format *f, const unsigned char *buf, size_t n,
		       int text)
{
	int width = 0;          /* of one item */
	size_t items = 0;

	for (size_t i = 0; i < n; i += f->size, items++) {
		unsigned int item = buf[i];

		if (f->size == 2)       /* little-endian; a last odd byte gets a 0 */
			item |= (i + 1 < n ? buf[i + 1] : 0) << 8;
		width = f->spec ? printf(f->spec, item) : print_char(item);
	}
	if (text) {
		printf("%*s  >", (int)(LINE / f->size - items) * width, "");
		for (size_t i = 0; i < n; i++)
			putchar(buf[i] >= 32 && buf[i] < 127 ? buf[i] : '.');
		putchar('<');
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	static char *standard_input[] = { "-", NULL };
	const struct format *f = &formats['o'];
	const char *address = "%07lo";
	unsigned char buf[LINE], last[LINE];
	unsigned long offset = 0;
	int verbose = 0, repeated = 0, text = 0, c;
	size_t n;

	while ((c = getopt(argc, argv, "A:bcdoxt:v")) != -1) {
		switch (c) {
		case 'A':
			if (strcmp(optarg, "o") == 0)
				address = "%07lo";
			else if (strcmp(optarg, "d") == 0)
				address = "%07lu";
			else if (strcmp(optarg, "x") == 0)
				address = "%06lx";
			else if (strcmp(optarg, "n") == 0)
				address = NULL;
			else
				errx(1, "invalid output address radix '%s'", optarg);
			break;
		case 'b': case 'c': case 'd': case 'o': case 'x':
			f = &formats[c];
			text = 0;
			break;
		case 't':
			f = type_format(optarg, &text);
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			usage();
		}
	}
	files = optind < argc ? argv + optind : standard_input;
	while ((n = read_stream(buf, LINE)) > 0) {
		if (!verbose && n == LINE && offset > 0 && memcmp(buf, last, LINE) == 0) {
			if (!repeated++)
				puts("*");
		} else {
			repeated = 0;
			if (address)
				printf(address, offset);
			print_line(f, buf, n, text);
		}
		memcpy(last, buf, n);
		offset += n;
	}
	if (address) {
		printf(address, offset);
		putchar('\n');
	}
	return status;
}
