/*
 * stat: everything stat(2) says about a file: its inode's number, type,
 * permissions, owner, size, link count and times.
 *
 *   stat [-L] [-c FORMAT] FILE...
 *
 * Files are looked at with lstat(2) (a link itself), or with stat(2)
 * (-L: what it points to). -c: print FORMAT instead, with
 *   %n name         %N name -> target    %s size        %b blocks (512 B)
 *   %B 512          %o I/O block size    %f raw mode (hex)
 *   %a mode (octal) %A mode (-rwxr-xr-x) %F file type
 *   %i inode        %h links             %d device      %t %T device type
 *   %u %U owner     %g %G group          (number, name)
 *   %x %y %z        access, modify, change times; %X %Y %Z in seconds
 * and printf's flags and widths: %-10s, %04a ...
 */
#include <err.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "filemode.h"
#include "stattime.h"

/* GNU's own layout, written in the FORMAT language. */
static const char default_format[] =
	"  File: %N\n"
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
	"Device: %Hd,%Ld\tInode: %-11i Links: %h\n"
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
	"Access: %x\n"
	"Modify: %y\n"
	"Change: %z\n"
	" Birth: -\n";
/* Device files add their numbers to the third line. */
static const char device_format[] =
	"  File: %N\n"
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
	"Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
	"Access: %x\n"
	"Modify: %y\n"
	"Change: %z\n"
	" Birth: -\n";

static void usage(void)
{
	fprintf(stderr, "usage: stat [-L] [-c format] file...\n");
	exit(1);
}

static const char *type_name(const struct stat *st)
{
	switch (st->st_mode & S_IFMT) {
	case S_IFREG:  return st->st_size ? "regular file" : "regular empty file";
	case S_IFDIR:  return "directory";
	case S_IFLNK:  return "symbolic link";
	case S_IFCHR:  return "character special file";
	case S_IFBLK:  return "block special file";
	case S_IFIFO:  return "fifo";
	case S_IFSOCK: return "socket";
	default:       return "weird file";
	}
}

/* "2026-12-01 23:20:00.000000000 +0000": Sprout's time is UTC. */
static void format_time(time_t t, long nsec, char *buf, size_t size)
{
	struct tm tm;
	char date[32];

	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(buf, size, "%s.%09ld +0000", date, nsec);
}

/* %N: the name and a link's target, "l -> f"; quoted in a -c FORMAT,
   "'l' -> 'f'", as GNU's stat does. */
static int quote_names;

static void name_and_target(const char *path, const struct stat *st, char *buf,
			    size_t size)
{
	const char *q = quote_names ? "'" : "";
	char target[PATH_MAX];
	ssize_t len = -1;

	if (S_ISLNK(st->st_mode))
		len = readlink(path, target, sizeof(target) - 1);
	if (len < 0)
		snprintf(buf, size, "%s%s%s", q, path, q);
	else
		snprintf(buf, size, "%s%s%s -> %s%.*s%s", q, path, q, q, (int)len, target, q);
}

/* One directive: its flags and width (spec, "%-10"), then its letter.
   Numbers are printed with spec + "llu" (or "llo", "llx"), everything
   else as a string with spec + "s". */
static void directive(const char *spec, char letter, const char *path,
		      const struct stat *st)
{
	char fmt[32], text[PATH_MAX + 64];
	const char *s = text, *number = "llu";
	unsigned long long n = 0;
	struct passwd *pw;
	struct group *gr;

	switch (letter) {
	case 'n': s = path; break;
	case 'N': name_and_target(path, st, text, sizeof(text)); break;
	case 's': n = st->st_size; s = NULL; break;
	case 'b': n = st->st_blocks; s = NULL; break;
	case 'B': n = 512; s = NULL; break;
	case 'o': n = st->st_blksize; s = NULL; break;
	case 'f': n = st->st_mode; number = "llx"; s = NULL; break;
	case 'a': n = st->st_mode & 07777; number = "llo"; s = NULL; break;
	case 'A': format_mode(st->st_mode, text); break;
	case 'F': s = type_name(st); break;
	case 'i': n = st->st_ino; s = NULL; break;
	case 'h': n = st->st_nlink; s = NULL; break;
	case 'd': n = st->st_dev; s = NULL; break;
	case 't': n = dev_major(st->st_rdev); number = "llx"; s = NULL; break;
	case 'T': n = dev_minor(st->st_rdev); number = "llx"; s = NULL; break;
	case 'u': n = st->st_uid; s = NULL; break;
	case 'g': n = st->st_gid; s = NULL; break;
	case 'U':
		pw = getpwuid(st->st_uid);
		s = pw ? pw->pw_name : "UNKNOWN";
		break;
	case 'G':
		gr = getgrgid(st->st_gid);
		s = gr ? gr->gr_name : "UNKNOWN";
		break;
	case 'x': format_time(st->st_atime, NSEC(st, a), text, sizeof(text)); break;
	case 'y': format_time(st->st_mtime, NSEC(st, m), text, sizeof(text)); break;
	case 'z': format_time(st->st_ctime, NSEC(st, c), text, sizeof(text)); break;
	case 'X': n = st->st_atime; s = NULL; break;
	case 'Y': n = st->st_mtime; s = NULL; break;
	case 'Z': n = st->st_ctime; s = NULL; break;
	default:        /* unknown: printed as it was written */
		snprintf(text, sizeof(text), "%s%c", spec, letter);
		fputs(text, stdout);
		return;
	}
	snprintf(fmt, sizeof(fmt), "%s%s", spec, s ? "s" : number);
	if (s)
		printf(fmt, s);
	else
		printf(fmt, n);
}

/* %Hd %Ld %Hr %Lr: the major or minor number of st_dev or st_rdev. */
static void device_half(char half, char which, const struct stat *st)
{
	unsigned long long dev = which == 'r' ? st->st_rdev : st->st_dev;

	printf("%u", half == 'H' ? dev_major(dev) : dev_minor(dev));
}

static void print_format(const char *f, const char *path, const struct stat *st)
{
	char spec[16];

	for (; *f; f++) {
		size_t len;

		if (*f != '%') {
			putchar(*f);
			continue;
		}
		if (f[1] == '%') {
			putchar(*++f);
			continue;
		}
		len = 1 + strspn(f + 1, "-#0 +");
		len += strspn(f + len, "0123456789.");
		if (len >= sizeof(spec) || !f[len]) {
			fputs(f, stdout);
			return;
		}
		if ((f[len] == 'H' || f[len] == 'L') && (f[len + 1] == 'd' || f[len + 1] == 'r')) {
			device_half(f[len], f[len + 1], st);
			f += len + 1;
			continue;
		}
		memcpy(spec, f, len);
		spec[len] = '\0';
		directive(spec, f[len], path, st);
		f += len;
	}
}

int main(int argc, char **argv)
{
	const char *format = NULL;
	int follow = 0, status = 0, c;
	struct stat st;

	while ((c = getopt(argc, argv, "Lc:")) != -1) {
		if (c == 'L')
			follow = 1;
		else if (c == 'c')
			format = optarg, quote_names = 1;
		else
			usage();
	}
	if (optind == argc) {
		warnx("missing operand");
		usage();
	}
	for (int i = optind; i < argc; i++) {
		if ((follow ? stat(argv[i], &st) : lstat(argv[i], &st)) < 0) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		if (format) {
			print_format(format, argv[i], &st);
			putchar('\n');
		} else {
			print_format(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ?
				     device_format : default_format, argv[i], &st);
		}
	}
	return status;
}
