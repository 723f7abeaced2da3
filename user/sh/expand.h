/*
 * What the expansion files share (expand.c, param.c, subst.c): the
 * buffer a word is expanded into, one flag per character (expand.c's
 * comment draws it).
 */
#ifndef EXPAND_H
#define EXPAND_H

#include <stddef.h>

#define F_QUOTED 1      /* from quotes: no splitting, no pattern */
#define F_SPLIT  2      /* from an unquoted expansion: IFS cuts here */
#define F_BREAK  4      /* between the words of "$@": a field ends */
#define F_EMPTY  8      /* "" or '': the field exists even if empty */

enum mode { UNQUOTED, DQUOTED, HEREDOC };

struct xbuf {
	char *c;
	unsigned char *f;
	size_t len, cap;
};

extern int at_expanded;         /* "$@" was in the last double quotes */

void xput(struct xbuf *x, char c, int flags);
void xputs(struct xbuf *x, const char *s, int flags);
void xfree(struct xbuf *x);
char *xstring(struct xbuf *x, size_t from, size_t to);
char *xpattern(struct xbuf *x, size_t from, size_t to);
void expand_range(struct xbuf *x, const char *p, const char *end,
		  enum mode mode);
const char *ifs(void);
void put_value(struct xbuf *x, const char *value, enum mode mode);

/* param.c: $name, $1, $@, ${..} */
void put_params(struct xbuf *x, char which, enum mode mode);
const char *param(const char *name, size_t n, char *buf);
size_t name_length(const char *s, int braces);
void unset_error(const char *name, size_t n);
void brace_param(struct xbuf *x, const char *s, const char *e, enum mode mode);

/* subst.c: $(..) and `..` */
void put_command(struct xbuf *x, const char *cmd, enum mode mode);
void backquote(struct xbuf *x, const char *s, const char *e, enum mode mode);

#endif
