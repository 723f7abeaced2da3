/*
 * libc's wctype/iswctype against glibc's in the C locale: every class
 * name answers the same for every ASCII character and WEOF, and a name
 * that is no class gives 0 (which no character is in).
 */
#include <locale.h>
#include <stdio.h>
#include "check.h"

#undef wctype
#undef iswctype
static const char *names[] = {
	"alnum", "alpha", "blank", "cntrl", "digit", "graph",
	"lower", "print", "punct", "space", "upper", "xdigit",
};

int main(void)
{
	setlocale(LC_ALL, "C");
	CASE("wctype: every class, every ASCII character and WEOF, as glibc") {
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			wctype_t ours = our_wctype(names[i]), host = wctype(names[i]);

			CHECK(ours != 0);
			for (wint_t c = 0; c < 128; c++)
				CHECK(!our_iswctype(c, ours) == !iswctype(c, host));
			CHECK(!our_iswctype(WEOF, ours) == !iswctype(WEOF, host));
		}
	}
	CASE("wctype: an unknown name is 0, and 0 holds no character") {
		CHECK(our_wctype("alphabet") == 0 && wctype("alphabet") == 0);
		CHECK(our_wctype("") == 0 && our_wctype("ALPHA") == 0);
		CHECK(!our_iswctype('a', 0));
	}
	return 0;
}
