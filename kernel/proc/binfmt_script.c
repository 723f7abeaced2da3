/*
 * Interpreter scripts: a file whose first line is
 *
 *     #!/bin/sh -e
 *       \_____/ \_/
 *       interp   one argument: the rest of the line after the first
 *                blank, trailing spaces and tabs trimmed (Linux does not
 *                split it further)
 *
 * is run by running its interpreter instead, with the script's path
 * among the arguments. execve("./s", {"s", "x", NULL}) of the file above
 * runs /bin/sh with
 *
 *     argv = { "/bin/sh", "-e", "./s", "x", NULL }
 *
 * The old argv[0] is dropped and the path as the caller gave it takes its
 * place, so the interpreter can open the script. Only the first
 * BINPRM_BUF_SIZE - 1 bytes are read, as in Linux: a longer line is cut
 * there, but an interpreter's name that reaches the cut may itself be
 * cut, and that is ENOEXEC. The interpreter may itself be a script: exec
 * follows the chain (load_program() in exec.c).
 */
#include "proc/proc.h"
#include "fs/fs.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

static char *skip_spacetabs(char *p)
{
	while (spacetab(*p))
		p++;
	return p;
}

/* The end of the word at p: a blank or the line's NUL. */
static char *word_end(char *p)
{
	while (*p && !spacetab(*p))
		p++;
	return p;
}

/*
 * Split the #! line at the start of buf (a string) into the interpreter's
 * name and its optional argument, in place. The line ends at a newline or
 * a NUL; with neither in the bytes read, it was cut.
 */
static int parse_line(char *buf, char **name, char **arg)
{
	char *end = strchr(buf, '\n'), *p;

	if (end)
		*end = '\0';
	else if (strlen(buf) == BINPRM_BUF_SIZE - 1 &&
		 !*word_end(skip_spacetabs(buf + 2)))
		return -ENOEXEC;        /* the name may go on past the cut */
	end = buf + strlen(buf);
	while (end > buf + 2 && spacetab(end[-1]))
		*--end = '\0';
	*name = skip_spacetabs(buf + 2);
	if (!**name)
		return -ENOEXEC;        /* "#!" and nothing after it */
	p = word_end(*name);
	*arg = NULL;
	if (*p) {
		*p = '\0';
		*arg = skip_spacetabs(p + 1);   /* not empty: trailing blanks
						   are gone */
	}
	return 0;
}

/* argv becomes interp, [arg], file, argv[1], ...; pushed last first. */
static int rewrite_args(struct exec_args *a, const char *file,
			const char *name, const char *arg)
{
	int err;

	exec_args_drop_first(a);
	err = exec_args_push_first(a, file);
	if (!err && arg)
		err = exec_args_push_first(a, arg);
	if (!err)
		err = exec_args_push_first(a, name);
	return err;
}

int load_script(struct inode *ino, const char *file, char *interp,
		struct exec_args *a)
{
	char buf[BINPRM_BUF_SIZE], *name, *arg;
	ssize_t n = inode_read(ino, buf, 0, sizeof(buf) - 1);
	int err;

	if (n < 0)
		return (int)n;
	if (n < 2 || buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;
	buf[n] = '\0';
	err = parse_line(buf, &name, &arg);
	if (!err)
		err = rewrite_args(a, file, name, arg);
	if (!err)
		strlcpy(interp, name, BINPRM_BUF_SIZE);  /* file may live in
							    interp: used above */
	return err;
}
