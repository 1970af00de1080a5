/* uring-main.c: sets up two rings in memory, lets uring.rs fill one and
 * does the same in C on the other; prints whether the entries and the
 * results agree, and how many entries were filled. */
#include <liburing.h>
#include <stdio.h>
#include <string.h>

uint64_t uring_run(struct io_uring *ring, void *buf, struct __kernel_timespec *ts,
                   const struct iovec *iov);

static uint64_t
c_run(struct io_uring *ring, void *buf, struct __kernel_timespec *ts,
      const struct iovec *iov)
{
	const char *path = "/tmp/x";
	struct io_uring_sqe *sqe;
	unsigned before = io_uring_sq_space_left(ring), ready, left;

	io_uring_prep_nop(io_uring_get_sqe(ring));
	io_uring_prep_read(io_uring_get_sqe(ring), 3, buf, 64, 4096);
	io_uring_prep_write(io_uring_get_sqe(ring), 4, buf, 32, 8192);
	io_uring_prep_readv(io_uring_get_sqe(ring), 5, iov, 1, 0);
	io_uring_prep_writev(io_uring_get_sqe(ring), 6, iov, 1, 512);
	io_uring_prep_fsync(io_uring_get_sqe(ring), 7, 1);
	io_uring_prep_close(io_uring_get_sqe(ring), 8);
	io_uring_prep_openat(io_uring_get_sqe(ring), -100, path, 2, 0644);
	io_uring_prep_timeout(io_uring_get_sqe(ring), ts, 2, 0);
	io_uring_prep_poll_add(io_uring_get_sqe(ring), 9, 1);
	io_uring_prep_poll_remove(io_uring_get_sqe(ring), 77);
	io_uring_prep_send(io_uring_get_sqe(ring), 10, buf, 16, 0);
	io_uring_prep_recv(io_uring_get_sqe(ring), 11, buf, 16, 0);
	io_uring_prep_accept(io_uring_get_sqe(ring), 12, NULL, NULL, 0);
	io_uring_prep_connect(io_uring_get_sqe(ring), 13, NULL, 16);
	io_uring_prep_fallocate(io_uring_get_sqe(ring), 14, 0, 0, 4096);
	io_uring_prep_madvise(io_uring_get_sqe(ring), buf, 64, 4);
	io_uring_prep_fadvise(io_uring_get_sqe(ring), 15, 0, 4096, 2);
	io_uring_prep_shutdown(io_uring_get_sqe(ring), 16, 2);
	io_uring_prep_unlinkat(io_uring_get_sqe(ring), -100, path, 0);
	io_uring_prep_mkdirat(io_uring_get_sqe(ring), -100, path, 0755);
	io_uring_prep_splice(io_uring_get_sqe(ring), 17, -1, 18, -1, 4096, 0);
	io_uring_prep_tee(io_uring_get_sqe(ring), 19, 20, 4096, 0);
	io_uring_prep_cancel64(io_uring_get_sqe(ring), 42, 0);
	io_uring_prep_sync_file_range(io_uring_get_sqe(ring), 21, 4096, 0, 0);
	io_uring_prep_renameat(io_uring_get_sqe(ring), -100, path, -100, path, 0);
	io_uring_prep_socket(io_uring_get_sqe(ring), 2, 1, 0, 0);
	sqe = io_uring_get_sqe(ring);
	io_uring_prep_nop(sqe);
	io_uring_sqe_set_data64(sqe, 0xfeed);
	io_uring_sqe_set_flags(sqe, 1);
	ready = io_uring_sq_ready(ring);
	left = io_uring_sq_space_left(ring);
	return (uint64_t)before << 32 | (uint64_t)ready << 16 | left;
}

static struct io_uring_sqe sqes[2][32];
static unsigned khead[2], ktail[2];

static void
setup(struct io_uring *ring, int i)
{
	memset(ring, 0, sizeof(*ring));
	ring->sq.khead = &khead[i];
	ring->sq.ktail = &ktail[i];
	ring->sq.ring_mask = 31;
	ring->sq.ring_entries = 32;
	ring->sq.sqes = sqes[i];
}

int
main(void)
{
	static char buf[64];
	struct __kernel_timespec ts = {1, 0};
	struct iovec iov = {buf, sizeof(buf)};
	struct io_uring r, c;
	uint64_t got, want;

	setup(&r, 0);
	setup(&c, 1);
	got = uring_run(&r, buf, &ts, &iov);
	want = c_run(&c, buf, &ts, &iov);
	printf("%s %u entries %llx %llx\n",
	       got == want && memcmp(sqes[0], sqes[1], sizeof(sqes[0])) == 0 &&
	               r.sq.sqe_tail == c.sq.sqe_tail ? "same" : "different",
	       r.sq.sqe_tail, (unsigned long long)got, (unsigned long long)want);
	return 0;
}
