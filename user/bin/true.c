/* true: do nothing, successfully. The smallest program exec can load. */
int main(void)
{
	return 0;
}
