# The labs' test programs: labs/NAME/FILE.c -> /labs/FILE on the disk
# image, built with tools/kcc like user programs (see user/user.mk). A lab
# keeps its shared code in headers beside its programs (labs/NAME/*.h,
# e.g. the numbers of the system calls the student adds), and every
# program depends on them all. The graders (labs/NAME/grade.py) run the
# programs with tools/krun; docs/labs/README.md lists the labs.
LAB_PROGS = $(patsubst labs/%.c,%,$(wildcard labs/*/*.c))

$(B)/labs/%: labs/%.c $(wildcard labs/*/*.h) $(USER_DEPS)
	@mkdir -p $(dir $@)
	$(KCC) $(USER_CFLAGS) -o $@ $<

DISK_INSTALL += $(foreach p,$(LAB_PROGS),$(B)/labs/$(p):labs/$(notdir $(p)))
