/*
 * The parser: tokens -> the tree drawn in sh.h, by recursive descent.
 * Each function below parses one rule of the shell's grammar (POSIX
 * XCU 2.10), lowest precedence first:
 *
 *   list      := and_or { (';' | '&' | newline) and_or }
 *   and_or    := pipeline { ('&&' | '||') pipeline }
 *   pipeline  := ['!'] command { '|' command }
 *   command   := simple | '(' list ')' | '{' list '}' | if | while
 *                | until | for | case | NAME '()' command
 *
 * The tree's nodes live in an arena that is freed after the command has
 * run, unless it defined a function (whose body must stay).
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

/* ---- the arena ---- */

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	char data[];
};

static struct arena_block *arena;

void *arena_alloc(size_t size)
{
	size = (size + 7) & ~7u;
	if (!arena || arena->used + size > arena->size) {
		size_t cap = size > 4000 ? size : 4000;
		struct arena_block *b = xmalloc(sizeof(*b) + cap);

		b->next = arena, b->used = 0, b->size = cap;
		arena = b;
	}
	void *p = arena->data + arena->used;
	arena->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(const char *s, size_t n)
{
	char *d = arena_alloc(n + 1);

	memcpy(d, s, n);
	return d;
}

/* A new arena for one parse, the caller's saved in *outer; arena_end
   frees it and goes back to the caller's, unless arena_keep said the
   tree is still needed (it defined a function). */
static int keep;

void arena_begin(struct arena_state *outer)
{
	outer->blocks = arena;
	outer->keep = keep;
	arena = NULL;
	keep = 0;
}

void arena_keep(void)
{
	keep = 1;
}

void arena_end(struct arena_state *outer)
{
	while (arena && !keep) {
		struct arena_block *next = arena->next;
		free(arena);
		arena = next;
	}
	arena = outer->blocks;
	keep = outer->keep;
}

/* ---- the parser ---- */

struct parser {
	struct lexer lx;
	jmp_buf fail;
};

static struct node *list(struct parser *ps);
static struct node *command(struct parser *ps);

static const char *token_text(struct parser *ps)
{
	static const char *names[] = { "", "newline", "end of file", ";", "&",
		"|", "&&", "||", ";;", "(", ")", "redirection", "?" };

	return ps->lx.tok == T_WORD ? ps->lx.word : names[ps->lx.tok];
}

static void __attribute__((noreturn)) syntax_error(struct parser *ps)
{
	if (ps->lx.tok == T_EOF || ps->lx.incomplete)
		longjmp(ps->fail, P_INCOMPLETE);
	set_line(lex_line(&ps->lx));
	sh_error("syntax error near unexpected token `%s'", token_text(ps));
	longjmp(ps->fail, P_ERROR);
}

static void next(struct parser *ps)
{
	lex_next(&ps->lx);
	if (ps->lx.incomplete)
		longjmp(ps->fail, P_INCOMPLETE);
}

static struct node *new_node(enum node_type type)
{
	struct node *n = arena_alloc(sizeof(*n));

	n->type = type;
	return n;
}

/* Is the token the keyword kw? Only unquoted words can be. */
static int is_kw(struct parser *ps, const char *kw)
{
	return ps->lx.tok == T_WORD && !ps->lx.quoted && !strcmp(ps->lx.word, kw);
}

static void expect_kw(struct parser *ps, const char *kw)
{
	if (!is_kw(ps, kw))
		syntax_error(ps);
	next(ps);
}

static void skip_newlines(struct parser *ps)
{
	while (ps->lx.tok == T_NEWLINE)
		next(ps);
}

static int at_list_end(struct parser *ps)
{
	static const char *ends[] = { "then", "else", "elif", "fi", "do",
				      "done", "esac", "}", NULL };
	enum token t = ps->lx.tok;

	if (t == T_EOF || t == T_RPAREN || t == T_DSEMI)
		return 1;
	for (int i = 0; ends[i]; i++)
		if (is_kw(ps, ends[i]))
			return 1;
	return 0;
}

static struct node *pair(enum node_type type, struct node *a, struct node *b)
{
	struct node *n = new_node(type);

	n->a = a, n->b = b;
	return n;
}

/* The source text of a pipeline, from start (an offset into the
   input) to the current token. */
static char *source_text(struct parser *ps, size_t offset)
{
	const char *start = ps->lx.base + offset, *end = ps->lx.start;

	while (end > start && strchr(" \t\n", end[-1]))
		end--;
	return arena_strndup(start, end - start);
}

static struct node *pipeline(struct parser *ps)
{
	struct node *p = new_node(N_PIPELINE), **tail = &p->a;
	size_t start = ps->lx.start - ps->lx.base;

	if (is_kw(ps, "!")) {
		p->bang = 1;
		next(ps);
	}
	for (;;) {
		*tail = command(ps);
		tail = &(*tail)->next;
		if (ps->lx.tok != T_PIPE)
			break;
		next(ps);
		skip_newlines(ps);
	}
	p->text = source_text(ps, start);
	return p;
}

static struct node *and_or(struct parser *ps)
{
	struct node *n = pipeline(ps);

	while (ps->lx.tok == T_AND_IF || ps->lx.tok == T_OR_IF) {
		enum node_type t = ps->lx.tok == T_AND_IF ? N_AND : N_OR;

		next(ps);
		skip_newlines(ps);
		n = pair(t, n, pipeline(ps));
	}
	return n;
}

/* A list up to a closing keyword, ')', ';;' or the end. */
static struct node *list(struct parser *ps)
{
	struct node *result = NULL;

	skip_newlines(ps);
	while (!at_list_end(ps)) {
		struct node *n = and_or(ps);

		if (ps->lx.tok == T_AMP)
			n = pair(N_BACKGROUND, n, NULL);
		if (ps->lx.tok == T_AMP || ps->lx.tok == T_SEMI)
			next(ps);
		else if (ps->lx.tok != T_NEWLINE && !at_list_end(ps))
			syntax_error(ps);
		result = result ? pair(N_SEQUENCE, result, n) : n;
		skip_newlines(ps);
	}
	return result;
}

/* A list that must not be empty, as in "if list; then". */
static struct node *body(struct parser *ps)
{
	struct node *n = list(ps);

	if (!n)
		syntax_error(ps);
	return n;
}

static struct word *new_word(char *text)
{
	struct word *w = arena_alloc(sizeof(*w));

	w->text = text;
	return w;
}

static struct redir *redirection(struct parser *ps)
{
	struct redir *r = arena_alloc(sizeof(*r));

	r->op = ps->lx.op;
	r->strip_tabs = ps->lx.quoted;
	r->fd = ps->lx.fd >= 0 ? ps->lx.fd :
		(r->op == R_IN || r->op == R_DUPIN || r->op == R_HEREDOC ||
		 r->op == R_RDWR) ? 0 : 1;
	next(ps);
	if (ps->lx.tok != T_WORD)
		syntax_error(ps);
	r->target = ps->lx.word;
	if (r->op == R_HEREDOC) {       /* its body comes after the newline */
		struct redir **tail = &ps->lx.heredocs;
		while (*tail)
			tail = &(*tail)->next_heredoc;
		*tail = r;
	}
	next(ps);
	return r;
}

static void redirections(struct parser *ps, struct redir ***tail)
{
	while (ps->lx.tok == T_REDIR) {
		struct redir *r = redirection(ps);
		**tail = r;
		*tail = &r->next;
	}
}

static struct node *function_def(struct parser *ps, char *name)
{
	struct node *n = new_node(N_FUNCTION);

	next(ps);                       /* ( */
	if (ps->lx.tok != T_RPAREN)
		syntax_error(ps);
	next(ps);
	skip_newlines(ps);
	n->name = name;
	n->a = command(ps);
	arena_keep();
	return n;
}

/*
 * A command word that is an alias: its value replaces it in the input
 * (a new copy: what came before, the value, the rest), and lexing goes
 * on from there. Offsets into the input stay valid, so the pipeline's
 * text is still found. An alias is not expanded again inside its own
 * value (lx->active: where each value being read ends), so that
 * alias ls='ls -F' ends; other aliases are.
 */
static int alias_expanded(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	size_t at = lx->start - lx->base, word = lx->p - lx->start;
	const char *value;
	int i;

	while (lx->nactive && lx->active[lx->nactive - 1].end <= at)
		lx->nactive--;          /* values read past */
	for (i = 0; i < lx->nactive; i++)
		if (!strcmp(lx->active[i].name, lx->word))
			return 0;
	if (lx->quoted || lx->nactive == MAX_ALIAS_DEPTH ||
	    !(value = find_alias(lx->word)))
		return 0;
	size_t n = strlen(value);
	char *text = arena_alloc(at + n + 1 + strlen(lx->p) + 1);
	memcpy(text, lx->base, at);
	memcpy(text + at, value, n);
	text[at + n] = ' ';
	strcpy(text + at + n + 1, lx->p);
	for (i = 0; i < lx->nactive; i++)       /* the outer values grew */
		lx->active[i].end += n + 1 - word;
	lx->active[lx->nactive].name = lx->word;
	lx->active[lx->nactive++].end = at + n;
	lx->base = text;
	lx->p = text + at;
	next(ps);
	return 1;
}

static struct node *simple_command(struct parser *ps)
{
	struct node *n = new_node(N_SIMPLE);
	struct word **words = &n->words, **assigns = &n->assigns;
	struct redir **redirs = &n->redirs;

	n->line = lex_line(&ps->lx);
	for (;;) {
		redirections(ps, &redirs);
		if (ps->lx.tok != T_WORD)
			break;
		if (!n->words && !is_assignment(ps->lx.word) && alias_expanded(ps))
			continue;
		if (!n->words && is_assignment(ps->lx.word)) {
			*assigns = new_word(ps->lx.word);
			assigns = &(*assigns)->next;
		} else {
			*words = new_word(ps->lx.word);
			words = &(*words)->next;
		}
		next(ps);
		if (ps->lx.tok == T_LPAREN && n->words && !n->words->next &&
		    !n->assigns && !n->redirs && valid_name(n->words->text, strlen(n->words->text)))
			return function_def(ps, n->words->text);
	}
	if (!n->words && !n->assigns && !n->redirs)
		syntax_error(ps);
	return n;
}

static struct node *if_clause(struct parser *ps)
{
	struct node *n = new_node(N_IF);

	next(ps);                       /* if or elif */
	n->a = body(ps);
	expect_kw(ps, "then");
	n->b = body(ps);
	if (is_kw(ps, "elif")) {
		n->c = if_clause(ps);
		return n;
	}
	if (is_kw(ps, "else")) {
		next(ps);
		n->c = body(ps);
	}
	expect_kw(ps, "fi");
	return n;
}

static struct node *do_group(struct parser *ps)
{
	expect_kw(ps, "do");
	struct node *n = body(ps);
	expect_kw(ps, "done");
	return n;
}

static struct node *while_clause(struct parser *ps, enum node_type type)
{
	struct node *n = new_node(type);

	next(ps);
	n->a = body(ps);
	n->b = do_group(ps);
	return n;
}

static struct node *for_clause(struct parser *ps)
{
	struct node *n = new_node(N_FOR);
	struct word **tail = &n->words;

	next(ps);
	if (ps->lx.tok != T_WORD || !valid_name(ps->lx.word, strlen(ps->lx.word)))
		syntax_error(ps);
	n->name = ps->lx.word;
	next(ps);
	skip_newlines(ps);
	if (is_kw(ps, "in")) {
		n->has_in = 1;
		for (next(ps); ps->lx.tok == T_WORD; next(ps)) {
			*tail = new_word(ps->lx.word);
			tail = &(*tail)->next;
		}
	}
	if (ps->lx.tok == T_SEMI)
		next(ps);
	skip_newlines(ps);
	n->a = do_group(ps);
	return n;
}

static struct case_item *case_item(struct parser *ps)
{
	struct case_item *item = arena_alloc(sizeof(*item));
	struct word **tail = &item->patterns;

	if (ps->lx.tok == T_LPAREN)
		next(ps);
	for (;;) {
		if (ps->lx.tok != T_WORD)
			syntax_error(ps);
		*tail = new_word(ps->lx.word);
		tail = &(*tail)->next;
		next(ps);
		if (ps->lx.tok != T_PIPE)
			break;
		next(ps);
	}
	if (ps->lx.tok != T_RPAREN)
		syntax_error(ps);
	next(ps);
	item->body = list(ps);
	if (ps->lx.tok == T_DSEMI)
		next(ps);
	else if (!is_kw(ps, "esac"))
		syntax_error(ps);
	skip_newlines(ps);
	return item;
}

static struct node *case_clause(struct parser *ps)
{
	struct node *n = new_node(N_CASE);
	struct case_item **tail = &n->items;

	next(ps);
	if (ps->lx.tok != T_WORD)
		syntax_error(ps);
	n->words = new_word(ps->lx.word);
	next(ps);
	skip_newlines(ps);
	expect_kw(ps, "in");
	skip_newlines(ps);
	while (!is_kw(ps, "esac")) {
		*tail = case_item(ps);
		tail = &(*tail)->next;
	}
	next(ps);
	return n;
}

static struct node *grouping(struct parser *ps, enum node_type type)
{
	struct node *n = new_node(type);

	next(ps);
	n->a = body(ps);
	if (type == N_SUBSHELL) {
		if (ps->lx.tok != T_RPAREN)
			syntax_error(ps);
		next(ps);
	} else {
		expect_kw(ps, "}");
	}
	return n;
}

static struct node *command(struct parser *ps)
{
	struct node *n;

	if (ps->lx.tok == T_LPAREN)
		n = grouping(ps, N_SUBSHELL);
	else if (is_kw(ps, "{"))
		n = grouping(ps, N_GROUP);
	else if (is_kw(ps, "if"))
		n = if_clause(ps);
	else if (is_kw(ps, "while"))
		n = while_clause(ps, N_WHILE);
	else if (is_kw(ps, "until"))
		n = while_clause(ps, N_UNTIL);
	else if (is_kw(ps, "for"))
		n = for_clause(ps);
	else if (is_kw(ps, "case"))
		n = case_clause(ps);
	else
		return simple_command(ps);
	struct redir **tail = &n->redirs;
	redirections(ps, &tail);
	return n;
}

/* The whole of src, whose first line is line number first_line, as one
   tree. P_INCOMPLETE: it needs more lines. */
enum parse_result parse_program(const char *src, int first_line, struct node **out)
{
	struct parser ps;
	int r;

	memset(&ps, 0, sizeof(ps));
	ps.lx.p = ps.lx.base = src;
	ps.lx.first_line = first_line;
	if ((r = setjmp(ps.fail)) != 0)
		return r;
	next(&ps);
	*out = list(&ps);
	if (ps.lx.tok != T_EOF)
		syntax_error(&ps);
	if (ps.lx.heredocs)             /* "cat <<END" and no newline yet */
		return P_INCOMPLETE;
	return P_OK;
}
