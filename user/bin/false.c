/* false: do nothing, unsuccessfully: exit status 1, for the shell's
   if, while, && and || to test. */
int main(void)
{
	return 1;
}
