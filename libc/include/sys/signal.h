/* The old name of <signal.h>, which the lecture's examples use. */
#include <signal.h>
