/* Host unit tests: the memory that stands in for physical RAM. */
extern char test_arena[];
