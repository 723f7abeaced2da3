# Debian's static BusyBox on the disk image (docs/busybox.md):
#
#   make image BUSYBOX=1    /bin/busybox, its applets as links in /bin/bb/
#                           (so Sprout's own /bin tools keep their names),
#                           and this test's script in /usr/share/busybox/
#
# make test sets BUSYBOX=1 itself (BUSYBOX=0 to leave it out), so the
# busybox tests run (tests/guest_busybox.py). The binary is fetched once
# by tools/busybox/fetch.sh into $(B)/busybox/ (apt-get download, no
# install on this machine).
# Exported, so that the makes the tests run themselves (make qemu-gdb,
# make image) build the same image.
ifneq ($(filter test,$(MAKECMDGOALS)),)
BUSYBOX ?= 1
export BUSYBOX
endif
ifeq ($(BUSYBOX),1)
BB_DIR = $(B)/busybox
$(BB_DIR)/busybox: tools/busybox/fetch.sh
	tools/busybox/fetch.sh $(BB_DIR)
	@touch $@

# The tree copied onto the image. The links are relative (../busybox),
# so they work in the staging folder as on the disk; busybox --list
# (run here: a static i386 program runs on an amd64 Linux) names them.
BB_SCRIPTS = tests/busybox/applets.sh tests/busybox/run.sh \
	tests/busybox/interactive.sh
$(BB_DIR)/tree.stamp: $(BB_DIR)/busybox $(BB_SCRIPTS)
	rm -rf $(BB_DIR)/tree && mkdir -p $(BB_DIR)/tree/bin/bb \
		$(BB_DIR)/tree/usr/share/busybox
	cp $(BB_DIR)/busybox $(BB_DIR)/tree/bin/busybox
	for a in $$($(BB_DIR)/busybox --list); do \
		[ $$a = busybox ] || ln -s ../busybox $(BB_DIR)/tree/bin/bb/$$a; \
	done
	cp $(BB_SCRIPTS) $(BB_DIR)/tree/usr/share/busybox/
	touch $@
DISK_TREES += $(BB_DIR)/tree
DISK_TREE_STAMPS += $(BB_DIR)/tree.stamp
endif
