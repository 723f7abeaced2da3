/*
 * stat: everything stat(2) says about a file: its inode's number, type,
 * permissions, owner, size, link count and times.
 *
 *   stat [-L] [-f] [-c FORMAT] FILE...
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
 *
 * -f: the file system the file is on instead, from statfs(2):
 *   %n name         %t type (hex)        %T type name   %i ID (hex)
 *   %s block size   %S fundamental block size           %l longest name
 *   %b %f %a        blocks: total, free, available to non-root
 *   %c %d           inodes: total, free
 */
#include <err.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
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
/* -f's layout. */
static const char fs_format[] =
	"  File: \"%n\"\n"
	"    ID: %-8i Namelen: %-7l Type: %T\n"
	"Block size: %-10s Fundamental block size: %S\n"
	"Blocks: Total: %-10b Free: %-10f Available: %a\n"
	"Inodes: Total: %-10c Free: %d\n";
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
	fprintf(stderr, "usage: stat [-L] [-f] [-c format] file...\n");
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

/* A directive's value, with the flags and width written before its
   letter (spec, "%-10"): a string s, or else n in the printf conversion
   number ("llu", "llx"). */
static void print_value(const char *spec, const char *s, const char *number,
			unsigned long long n)
{
	char fmt[32];

	snprintf(fmt, sizeof(fmt), "%s%s", spec, s ? "s" : number);
	if (s)
		printf(fmt, s);
	else
		printf(fmt, n);
}

/* One directive: its flags and width (spec, "%-10"), then its letter.
   Numbers are printed with spec + "llu" (or "llo", "llx"), everything
   else as a string with spec + "s". */
static void directive(const char *spec, char letter, const char *path,
		      const struct stat *st)
{
	char text[PATH_MAX + 64];
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
	print_value(spec, s, number, n);
}

/* The names GNU gives the magic numbers in f_type. */
static const char *fs_type_name(unsigned long type, char *buf, size_t size)
{
	switch (type) {
	case 0xEF53:     return "ext2/ext3";
	case 0x9FA0:     return "proc";
	case 0x01021994: return "tmpfs";
	case 0x62656572: return "sysfs";
	case 0x1373:     return "devfs";
	}
	snprintf(buf, size, "UNKNOWN (0x%lx)", type);
	return buf;
}

/* One %-directive of -f's FORMAT. */
static void fs_directive(const char *spec, char letter, const char *path,
			 const struct statfs *fs)
{
	char text[PATH_MAX + 64];
	const char *s = NULL, *number = "llu";
	const unsigned int *fsid = (const unsigned int *)&fs->f_fsid;
	unsigned long long n = 0;

	switch (letter) {
	case 'n': s = path; break;
	case 't': n = (unsigned long)fs->f_type; number = "llx"; break;
	case 'T': s = fs_type_name((unsigned long)fs->f_type, text, sizeof(text)); break;
	case 'i': n = (unsigned long long)fsid[0] << 32 | fsid[1]; number = "llx"; break;
	case 's': n = fs->f_bsize; break;
	case 'S': n = fs->f_frsize; break;
	case 'l': n = fs->f_namelen; break;
	case 'b': n = fs->f_blocks; break;
	case 'f': n = fs->f_bfree; break;
	case 'a': n = fs->f_bavail; break;
	case 'c': n = fs->f_files; break;
	case 'd': n = fs->f_ffree; break;
	default:        /* unknown: printed as it was written */
		printf("%s%c", spec, letter);
		return;
	}
	print_value(spec, s, number, n);
}

/* %Hd %Ld %Hr %Lr: the major or minor number of st_dev or st_rdev. */
static void device_half(char half, char which, const struct stat *st)
{
	unsigned long long dev = which == 'r' ? st->st_rdev : st->st_dev;

	printf("%u", half == 'H' ? dev_major(dev) : dev_minor(dev));
}

/* FORMAT for one file: st's directives, or with fs (-f) the file system's. */
static void print_format(const char *f, const char *path, const struct stat *st,
			 const struct statfs *fs)
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
		if (!fs && (f[len] == 'H' || f[len] == 'L') &&
		    (f[len + 1] == 'd' || f[len + 1] == 'r')) {
			device_half(f[len], f[len + 1], st);
			f += len + 1;
			continue;
		}
		memcpy(spec, f, len);
		spec[len] = '\0';
		if (fs)
			fs_directive(spec, f[len], path, fs);
		else
			directive(spec, f[len], path, st);
		f += len;
	}
}

int main(int argc, char **argv)
{
	const char *format = NULL;
	int follow = 0, file_system = 0, status = 0, c;
	struct statfs fs;
	struct stat st;

	while ((c = getopt(argc, argv, "Lfc:")) != -1) {
		if (c == 'L')
			follow = 1;
		else if (c == 'f')
			file_system = 1;
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
		if (file_system) {
			if (statfs(argv[i], &fs) < 0) {
				warn("%s", argv[i]);
				status = 1;
				continue;
			}
			print_format(format ? format : fs_format, argv[i], NULL, &fs);
			if (format)
				putchar('\n');
			continue;
		}
		if ((follow ? stat(argv[i], &st) : lstat(argv[i], &st)) < 0) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		if (format) {
			print_format(format, argv[i], &st, NULL);
			putchar('\n');
		} else {
			print_format(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ?
				     device_format : default_format, argv[i], &st, NULL);
		}
	}
	return status;
}
