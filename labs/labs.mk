# The labs' test programs: labs/NAME/FILE.c -> /labs/FILE on the disk
# image, built with tools/kcc like user programs (see user/user.mk). A lab
# keeps its shared code in headers beside its programs (labs/NAME/*.h,
# e.g. the numbers of the system calls the student adds), and every
# program depends on them all. The graders (labs/NAME/grade.py) run the
# programs with tools/krun; docs/labs/README.md lists the labs.
LAB_PROGS = $(patsubst labs/%.c,%,$(wildcard labs/*/*.c))

$(B)/labs/%: labs/%.c $(wildcard labs/*.h labs/*/*.h) $(USER_DEPS)
	@mkdir -p $(dir $@)
	$(KCC) $(USER_CFLAGS) -o $@ $<

DISK_INSTALL += $(foreach p,$(LAB_PROGS),$(B)/labs/$(p):labs/$(notdir $(p)))

# make grade LAB=name: build everything, then run labs/NAME/grade.py, which
# prints a line per check and "Score: N/M" last. make grade alone lists
# the labs and their hand-outs.
LABS = $(patsubst labs/%/grade.py,%,$(wildcard labs/*/grade.py))

.PHONY: grade handout
ifeq ($(LAB),)
grade:
	@echo "Grade a lab with make grade LAB=name. The labs and their hand-outs:"
	@for lab in $(LABS); do \
		echo "  $$lab	$$(ls docs/labs/*-$$lab.md 2>/dev/null)"; done
else ifeq ($(wildcard labs/$(LAB)/grade.py),)
grade:
	@echo "make grade: no lab $(LAB) (the labs: $(LABS))"; exit 1
else
grade: all
	B=$(B) $(PYTHON) labs/$(LAB)/grade.py
endif

# make handout OUT=dir: the students' tree, the committed HEAD without the
# reference solutions (labs/solutions/), as a new git repository of one
# commit in dir, so that students' own commits show what they changed.
handout:
	@test -n "$(OUT)" || { echo "usage: make handout OUT=dir"; exit 1; }
	@test ! -e "$(OUT)" || { echo "make handout: $(OUT) exists"; exit 1; }
	@git diff --quiet HEAD || \
		echo "make handout: note: uncommitted changes are left out"
	mkdir -p "$(OUT)"
	git archive HEAD -- . ':(exclude)labs/solutions' | tar -x -C "$(OUT)"
	cd "$(OUT)" && git init -q && git add -A && \
		git -c user.name="$$(git config user.name || echo Sprout)" \
		-c user.email="$$(git config user.email || echo sprout@localhost)" \
		commit -q -m "Sprout lab handout"
	@echo "make handout: the students' tree is in $(OUT)"
