/*
 * chmod: change files' permissions, with chmod(2). Only the owner (or
 * root) may.
 *
 *   chmod [-R] MODE FILE...
 *
 * MODE is octal (755: rwxr-xr-x) or symbolic, clauses separated by
 * commas: who (u user, g group, o others, a all), an operator (+ add,
 * - remove, = set exactly) and permissions (r w x, X: x if a directory
 * or already executable by someone, s setuid/setgid, t sticky):
 *   chmod u+x,go-w f     chmod a=r f     chmod +x f
 * Without who, all three, but sparing the bits the umask masks (as
 * POSIX says). -R: and everything below each directory.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "path.h"

static int recursive;
static mode_t umask_bits;        /* the process's umask, read once */

static void usage(void)
{
	fprintf(stderr, "usage: chmod [-R] mode file...\n");
	exit(1);
}

/* The bits of letters "ugo" stand for within the mode 07777. */
static mode_t who_bits(char who)
{
	switch (who) {
	case 'u': return S_ISUID | S_IRWXU;
	case 'g': return S_ISGID | S_IRWXG;
	case 'o': return S_ISVTX | S_IRWXO;
	default:  return 07777;         /* 'a' */
	}
}

/* Permission letters as bits for everyone; who_bits then picks. */
static mode_t perm_bits(char perm, mode_t old)
{
	switch (perm) {
	case 'r': return S_IRUSR | S_IRGRP | S_IROTH;
	case 'w': return S_IWUSR | S_IWGRP | S_IWOTH;
	case 'x': return S_IXUSR | S_IXGRP | S_IXOTH;
	case 'X':
		if (S_ISDIR(old) || (old & (S_IXUSR | S_IXGRP | S_IXOTH)))
			return S_IXUSR | S_IXGRP | S_IXOTH;
		return 0;
	case 's': return S_ISUID | S_ISGID;
	case 't': return S_ISVTX;
	default:  return (mode_t)-1;
	}
}

/* The new mode for a file whose mode is old, or -1 if spec is not a
   mode at all. */
static long new_mode(const char *spec, mode_t old)
{
	mode_t mode = old & 07777;
	char *end;

	if (*spec >= '0' && *spec <= '7') {
		unsigned long n = strtoul(spec, &end, 8);

		return *end || n > 07777 ? -1 : (long)n;
	}
	for (;;) {                      /* one clause: who, then op perms... */
		mode_t who = 0, allowed;

		for (; *spec && strchr("ugoa", *spec); spec++)
			who |= who_bits(*spec);
		allowed = who ? who : 07777 & ~umask_bits;
		if (!*spec || !strchr("+-=", *spec))
			return -1;
		while (*spec && strchr("+-=", *spec)) {
			char op = *spec++;
			mode_t bits = 0;

			for (; *spec && !strchr(",+-=", *spec); spec++) {
				mode_t b = perm_bits(*spec, old);

				if (b == (mode_t)-1)
					return -1;
				bits |= b;
			}
			bits &= allowed;
			if (op == '+')
				mode |= bits;
			else if (op == '-')
				mode &= ~bits;
			else            /* '=': exactly these, for who */
				mode = (mode & ~(who ? who : 07777)) | bits;
		}
		if (!*spec)
			return mode;
		if (*spec++ != ',')
			return -1;
	}
}

static int change_entry(const char *path, void *spec);

/* Symbolic links have no permissions of their own: chmod follows them
   (stat), and -R does not descend through them (lstat). */
static int change(const char *spec, const char *path)
{
	struct stat st, link;
	long mode;

	if (stat(path, &st) < 0) {
		warn("%s", path);
		return 1;
	}
	mode = new_mode(spec, st.st_mode);
	if (chmod(path, mode) < 0) {
		warn("%s", path);
		return 1;
	}
	if (recursive && S_ISDIR(st.st_mode) && lstat(path, &link) == 0 &&
	    !S_ISLNK(link.st_mode)) {
		int status = for_each_entry(path, change_entry, (void *)spec);

		if (status < 0)
			warn("%s", path);
		return status != 0;
	}
	return 0;
}

static int change_entry(const char *path, void *spec)
{
	return change(spec, path);
}

int main(int argc, char **argv)
{
	int status = 0, i = 1;

	/* Options by hand: "chmod -w f" has a mode that looks like one. */
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-R") == 0)
			recursive = 1;
		else if (strcmp(argv[i], "--") == 0 && ++i)
			break;
		else if (new_mode(argv[i], 0) < 0)
			usage();
		else
			break;
	}
	if (argc - i < 2) {
		warnx("missing operand");
		usage();
	}
	umask_bits = umask(0);
	umask(umask_bits);
	if (new_mode(argv[i], 0) < 0)
		errx(1, "invalid mode: '%s'", argv[i]);
	for (int f = i + 1; f < argc; f++)
		status |= change(argv[i], argv[f]);
	return status;
}
