/*
 * wctype/iswctype: the POSIX class names ([:alpha:] and the rest), each
 * the <ctype.h> test of that name. A handle is the class's place in the
 * table, plus one, so that 0 can mean "no such class".
 */
#include <ctype.h>
#include <string.h>
#include <wctype.h>

static const struct {
	const char *name;
	int (*is)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

#define NCLASSES (sizeof(classes) / sizeof(classes[0]))

wctype_t wctype(const char *name)
{
	for (size_t i = 0; i < NCLASSES; i++)
		if (strcmp(name, classes[i].name) == 0)
			return i + 1;
	return 0;
}

int iswctype(wint_t wc, wctype_t class)
{
	if (class == 0 || class > NCLASSES || wc >= 128)
		return 0;
	return classes[class - 1].is((int)wc) != 0;
}
