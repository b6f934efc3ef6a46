#pragma once
// chromaspec: a 4-byte stand-in for hnswlib's per-element std::mutex (issue 14 item 6, server
// RSS at 1M x 384): link_list_locks_ as std::vector<std::mutex> took 40 MB at a million
// elements (a pthread mutex is 40 bytes); as LinkListLocks, 4 MB.
#include <atomic>
#include <cstdint>
#include <thread>
#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace hnswlib {

// A mutex in one 32-bit word (Drepper's "Futexes Are Tricky", mutex 2): 0 free, 1 held, 2 held
// with waiters. Uncontended lock and unlock are one atomic operation each, as glibc's mutex;
// only a contended unlock makes a system call. One per element keeps hnswlib's locking exactly
// as it was (a lock per link list, the same pairs held at once), so no new deadlock is possible,
// which a striped array of full mutexes would not give: an insert holds its own element's lock
// for its whole duration while it locks others, and two inserts whose elements shared stripes
// would wait on each other.
class LinkListLock {
 public:
    LinkListLock() = default;
    LinkListLock(const LinkListLock&) = delete;
    LinkListLock& operator=(const LinkListLock&) = delete;

    void lock() {
        uint32_t c = 0;
        if (state_.compare_exchange_strong(c, 1, std::memory_order_acquire, std::memory_order_relaxed)) return;
        // Held: announce a waiter (2) and sleep until the word changes; whoever takes it after
        // a wake-up takes it as 2, since other waiters may still sleep.
        if (c != 2) c = state_.exchange(2, std::memory_order_acquire);
        while (c != 0) {
            wait(2);
            c = state_.exchange(2, std::memory_order_acquire);
        }
    }

    bool try_lock() {
        uint32_t c = 0;
        return state_.compare_exchange_strong(c, 1, std::memory_order_acquire, std::memory_order_relaxed);
    }

    void unlock() {
        if (state_.fetch_sub(1, std::memory_order_release) != 1) {
            state_.store(0, std::memory_order_release);
            wake();
        }
    }

 private:
    std::atomic<uint32_t> state_{0};
    static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t), "the futex word must be the atomic itself");

    void wait(uint32_t expected) {
#if defined(__linux__)
        syscall(SYS_futex, reinterpret_cast<uint32_t*>(&state_), FUTEX_WAIT_PRIVATE, expected, nullptr, nullptr, 0);
#else
        if (state_.load(std::memory_order_relaxed) == expected) std::this_thread::yield();
#endif
    }

    void wake() {
#if defined(__linux__)
        syscall(SYS_futex, reinterpret_cast<uint32_t*>(&state_), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
#endif
    }
};

}  // namespace hnswlib
