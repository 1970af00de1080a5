#!/bin/sh
# tests/kernel/rnull.sh: what the initramfs does with /dev/rnullb0 (see
# tests/kernel/init).  6.12's rnull completes every request without
# moving data, so a read after the page cache is dropped returns whatever
# the pages held; the megabyte written with dd is read back while the
# device stays open (fd 3), from the cache, and written back to the
# driver by sync.  Then the timed O_DIRECT workload, three times, where
# every write and read reaches the driver.
say() { echo "hl: rnull: $*"; }
if ! [ -b /dev/rnullb0 ]; then
	say "no /dev/rnullb0"
	exit
fi
size=$(cat /sys/class/block/rnullb0/size)
say "sectors: ${size:-failed}"
exec 3</dev/rnullb0
dd if=/data.bin of=/dev/rnullb0 bs=4096 2>/dev/null && say "dd write: ok"
sync && say "sync: ok"
dd if=/dev/rnullb0 of=/tmp/back bs=4096 count=256 2>/dev/null && say "dd read: ok"
exec 3<&-
say "written $(md5sum </data.bin | cut -d' ' -f1) read $(md5sum </tmp/back | cut -d' ' -f1)"
for i in 1 2 3; do
	/rnull_io /dev/rnullb0 "${RNULL_IO_COUNT:-20000}" | sed 's/^/hl-time: /'
done
