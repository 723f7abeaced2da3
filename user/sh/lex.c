/*
 * The lexer: cuts the input into tokens, the shell's first step.
 *
 *   echo "a b" >out; ls|wc        T_WORD echo, T_WORD "a b", T_REDIR >,
 *                                 T_WORD out, T_SEMI, T_WORD ls, T_PIPE,
 *                                 T_WORD wc, T_NEWLINE
 *
 * A word ends at an unquoted blank or operator character; quotes, $(..),
 * ${..} and `..` inside it are skipped over whole (their insides may hold
 * blanks and operators) and kept in the word as typed: expand.c reads
 * them later. Keywords (if, then ...) are plain words here; the parser
 * knows where one may stand.
 *
 * When the input ends inside a quote or a here-document, lx->incomplete
 * is set: the reader then asks for another line (PS2) and tries again.
 */
#include <ctype.h>
#include <string.h>
#include "sh.h"

static int is_meta(char c)
{
	return c == 0 || strchr(" \t\n;&|<>()", c) != NULL;
}

static const char *skip_squote(const char *p)
{
	p = strchr(p + 1, '\'');
	return p ? p + 1 : NULL;
}

static const char *skip_dquote(const char *p);

/* p at a quote: past its closing one; NULL if the input ends first. */
const char *skip_quote(const char *p)
{
	return *p == '\'' ? skip_squote(p) : skip_dquote(p);
}

static const char *skip_dquote(const char *p)
{
	for (p++; p && *p != '"'; ) {
		if (!*p)
			return NULL;
		if (*p == '\\' && p[1])
			p += 2;
		else if (*p == '$' || *p == '`')
			p = skip_subst(p);
		else
			p++;
	}
	return p ? p + 1 : NULL;
}

/* p at $' (POSIX.1-2024's quotes with C escapes): past the closing '. */
static const char *skip_dollar_squote(const char *p)
{
	for (p += 2; *p != '\''; p++) {
		if (!*p)
			return NULL;
		if (*p == '\\' && p[1])
			p++;
	}
	return p + 1;
}

/* Is the word kw at p, standing alone? */
static int word_at(const char *start, const char *p, const char *kw)
{
	size_t n = strlen(kw);

	return !strncmp(p, kw, n) && is_meta(p[n]) &&
	       (p == start || is_meta(p[-1]));
}

/* From just inside an opening bracket to just past its closing one. In
   $(..), a case's "pattern)" closes nothing: case ... esac is counted. */
static const char *skip_nested(const char *p, char open, char close)
{
	const char *start = p;
	int depth = 1, cases = 0;

	while (p && depth > 0) {
		if (!*p)
			return NULL;
		if (open == '(' && (word_at(start, p, "case") || word_at(start, p, "esac"))) {
			cases += *p == 'c' ? 1 : -1;
			p += 4;
		} else if ((*p == '(' || *p == ')') && cases > 0)
			p++;            /* "(a)" patterns, and subshells */
		else if (*p == '\\' && p[1])
			p += 2;
		else if (*p == '\'')
			p = skip_squote(p);
		else if (*p == '"')
			p = skip_dquote(p);
		else if (*p == '$' && p[1] == '\'')
			p = skip_dollar_squote(p);
		else if ((*p == '$' && (p[1] == '(' || p[1] == '{')) || *p == '`')
			p = skip_subst(p);
		else
			depth += (*p == open) - (*p == close), p++;
	}
	return p;
}

/* p at '$' or '`': past the whole $(..), $((..)), ${..} or `..`; NULL if
   the input ends first. */
const char *skip_subst(const char *p)
{
	if (*p == '`') {
		for (p++; *p != '`'; p++) {
			if (!*p)
				return NULL;
			if (*p == '\\' && p[1])
				p++;
		}
		return p + 1;
	}
	if (p[1] == '(')
		return skip_nested(p + 2, '(', ')');
	if (p[1] == '{')
		return skip_nested(p + 2, '{', '}');
	return p + 1;
}

/* A word, from lx->p: sets lx->word and lx->quoted. */
static void scan_word(struct lexer *lx)
{
	const char *p = lx->p;

	lx->quoted = 0;
	while (p && !is_meta(*p)) {
		if (*p == '\\') {
			lx->quoted = 1;
			p += p[1] ? 2 : 1;
			if (p[-1] == '\n' && !*p)
				p = NULL;       /* a line continued past the end */
		} else if (*p == '\'') {
			lx->quoted = 1;
			p = skip_squote(p);
		} else if (*p == '"') {
			lx->quoted = 1;
			p = skip_dquote(p);
		} else if (*p == '$' && p[1] == '\'') {
			lx->quoted = 1;
			p = skip_dollar_squote(p);
		} else if (*p == '$' || *p == '`') {
			p = skip_subst(p);
		} else {
			p++;
		}
	}
	if (!p) {
		lx->incomplete = 1;
		lx->tok = T_EOF;
		return;
	}
	lx->word = arena_strndup(lx->p, p - lx->p);
	lx->p = p;
	lx->tok = T_WORD;
}

/* The delimiter of a here-document, its quotes removed; sets *quoted. */
static char *heredoc_delim(const char *raw, int *quoted)
{
	char *d = arena_strndup(raw, strlen(raw)), *out = d;

	*quoted = 0;
	for (; *raw; raw++)
		if (strchr("'\"\\", *raw))
			*quoted = 1;
		else
			*out++ = *raw;
	*out = 0;
	return d;
}

/* At a newline: the bodies of the here-documents named on the line
   before it, up to each one's delimiter line. */
static void read_heredocs(struct lexer *lx)
{
	for (struct redir *r = lx->heredocs; r; r = r->next_heredoc) {
		char *delim = heredoc_delim(r->target, &r->quoted);
		const char *body = lx->p;
		size_t len = 0;
		char *text = arena_alloc(strlen(body) + 1);

		for (;;) {
			const char *nl = strchr(lx->p, '\n');

			if (!nl) {
				lx->incomplete = 1;
				return;
			}
			const char *line = lx->p;
			while (r->strip_tabs && *line == '\t')
				line++;
			lx->p = nl + 1;
			if ((size_t)(nl - line) == strlen(delim) &&
			    !strncmp(line, delim, nl - line))
				break;
			memcpy(text + len, line, nl + 1 - line);
			len += nl + 1 - line;
		}
		text[len] = 0;
		r->target = text;
	}
	lx->heredocs = NULL;
}

static const struct {
	const char *text;
	enum token tok;
	enum redir_op op;
} operators[] = {      /* longest first */
	{ "<<-", T_REDIR, R_HEREDOC }, { "&&", T_AND_IF, 0 },
	{ "||", T_OR_IF, 0 }, { ";;", T_DSEMI, 0 },
	{ "<<", T_REDIR, R_HEREDOC }, { "<>", T_REDIR, R_RDWR },
	{ "<&", T_REDIR, R_DUPIN }, { ">>", T_REDIR, R_APPEND },
	{ ">&", T_REDIR, R_DUPOUT }, { ">|", T_REDIR, R_CLOBBER },
	{ "<", T_REDIR, R_IN }, { ">", T_REDIR, R_OUT },
	{ "&", T_AMP, 0 }, { "|", T_PIPE, 0 }, { ";", T_SEMI, 0 },
	{ "(", T_LPAREN, 0 }, { ")", T_RPAREN, 0 },
};

static int scan_operator(struct lexer *lx)
{
	for (size_t i = 0; i < sizeof(operators) / sizeof(operators[0]); i++) {
		size_t n = strlen(operators[i].text);

		if (!strncmp(lx->p, operators[i].text, n)) {
			lx->tok = operators[i].tok;
			lx->op = operators[i].op;
			lx->fd = -1;
			/* <<- strips tabs: the parser finds it in quoted */
			lx->quoted = !strcmp(operators[i].text, "<<-");
			lx->p += n;
			return 1;
		}
	}
	return 0;
}

/* Blanks, comments and \-newline between tokens. */
static void skip_blanks(struct lexer *lx)
{
	for (;;) {
		if (*lx->p == ' ' || *lx->p == '\t')
			lx->p++;
		else if (lx->p[0] == '\\' && lx->p[1] == '\n') {
			lx->p += 2;
			lx->incomplete |= !*lx->p;      /* continued: more to come */
		}
		else if (*lx->p == '#')
			lx->p += strcspn(lx->p, "\n");
		else
			return;
	}
}

void lex_next(struct lexer *lx)
{
	skip_blanks(lx);
	lx->start = lx->p;
	if (!*lx->p) {
		lx->tok = T_EOF;
		return;
	}
	if (*lx->p == '\n') {
		lx->p++;
		lx->tok = T_NEWLINE;
		read_heredocs(lx);
		return;
	}
	/* 2>file: a number right before < or > is the fd to redirect */
	const char *d = lx->p;
	while (isdigit((unsigned char)*d))
		d++;
	if (d > lx->p && (*d == '<' || *d == '>')) {
		int fd = 0;
		for (const char *q = lx->p; q < d; q++)
			fd = fd * 10 + (*q - '0');
		lx->p = d;
		scan_operator(lx);
		lx->fd = fd;
		return;
	}
	if (!scan_operator(lx))
		scan_word(lx);
}

/* The line the current token starts on: the input's first line plus
   the newlines before it (error messages and $LINENO say it). */
int lex_line(struct lexer *lx)
{
	int line = lx->first_line;

	for (const char *p = lx->base; p < lx->start; p++)
		line += *p == '\n';
	return line;
}
