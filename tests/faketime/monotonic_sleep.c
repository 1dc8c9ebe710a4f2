/* Loaded before libfaketime when the suite runs with its clocks moved ahead (make test-future).
 *
 * libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1 still shifts the deadline of
 * clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ...) by the fake offset, so the deadline turns
 * negative and the call fails with EINVAL; Python 3.11's time.sleep uses exactly that call.
 * Faking the monotonic clock instead is worse: Python's timed lock waits (sem_clockwait) are not
 * intercepted and wait for the whole offset (400 days). So the monotonic clock stays real and its
 * sleeps go straight to the kernel here; every other clock goes on to libfaketime. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

typedef int (*clock_nanosleep_fn)(clockid_t, int, const struct timespec *, struct timespec *);

int clock_nanosleep(clockid_t clock_id, int flags, const struct timespec *request,
                    struct timespec *remain) {
    if (clock_id == CLOCK_MONOTONIC || clock_id == CLOCK_MONOTONIC_RAW ||
        clock_id == CLOCK_BOOTTIME) {
        if (syscall(SYS_clock_nanosleep, clock_id, flags, request, remain) == -1) {
            return errno;
        }
        return 0;
    }
    static clock_nanosleep_fn next;
    if (next == NULL) {
        next = (clock_nanosleep_fn)dlsym(RTLD_NEXT, "clock_nanosleep");
    }
    return next(clock_id, flags, request, remain);
}
