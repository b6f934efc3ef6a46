#pragma once
// chromaspec: the graph's large arrays (level 0's links, the int8 search codes) on 2 MiB pages.
//
// A search at 1M x 384 visits a few thousand nodes scattered over ~140 MB of level-0 links and
// ~410 MB of int8 codes: with 4 KiB pages nearly every visit misses the TLB (a few thousand
// entries cover ~12 MB) and pays a page walk, two-dimensional in a VM. Linux hands out
// transparent huge pages to memory advised MADV_HUGEPAGE (the common "madvise" setting) when it
// is first touched, so the advice is given right after allocation, before anything is written,
// and the block is 2 MiB-aligned so all of it can be backed by huge pages. Small blocks (below
// one huge page) are left to malloc. Where THP is off ("never"), or on other systems, the advice
// does nothing and the memory is ordinary.
//
// Memory: the same pages are resident either way for a block written end to end; a block's
// untouched tail is resident in 2 MiB steps instead of 4 KiB ones. LargeAllocator's vectors
// leave new elements uninitialised (see construct), so a tail nobody writes stays unfaulted.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace hnswlib {

constexpr size_t kHugePageBytes = size_t(2) << 20;

// Whether new large blocks get the advice (the addon's setHugePages; on by default).
inline std::atomic<bool>& hugePagesWanted() {
    static std::atomic<bool> wanted{true};
    return wanted;
}

// `bytes` of uninitialized memory, or nullptr. At least one huge page: 2 MiB-aligned, advised
// MADV_HUGEPAGE (when wanted). Free with freeLarge.
inline void* allocLarge(size_t bytes) {
    if (bytes < kHugePageBytes || !hugePagesWanted().load(std::memory_order_relaxed)) return malloc(bytes == 0 ? 1 : bytes);
    const size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    void* p = nullptr;
    if (posix_memalign(&p, kHugePageBytes, rounded) != 0) return nullptr;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded, MADV_HUGEPAGE);  // a refusal (THP "never", old kernel) leaves 4 KiB pages
#endif
    return p;
}

inline void freeLarge(void* p) { free(p); }

// realloc for allocLarge's blocks: a new block (advised like allocLarge's), the first
// min(old, new) bytes copied, the old block freed. nullptr (the old block kept) on failure.
inline void* reallocLarge(void* p, size_t oldBytes, size_t newBytes) {
    void* q = allocLarge(newBytes);
    if (q == nullptr) return nullptr;
    if (p != nullptr) {
        memcpy(q, p, oldBytes < newBytes ? oldBytes : newBytes);
        freeLarge(p);
    }
    return q;
}

// A std::allocator that places large arrays with allocLarge (std::vector<T, LargeAllocator<T>>).
template <typename T>
struct LargeAllocator {
    using value_type = T;
    LargeAllocator() = default;
    template <typename U>
    LargeAllocator(const LargeAllocator<U>&) {}
    T* allocate(size_t n) {
        void* p = allocLarge(n * sizeof(T));
        if (p == nullptr) throw std::bad_alloc();
        return static_cast<T*>(p);
    }
    void deallocate(T* p, size_t) { freeLarge(p); }
    // Default-initialises instead of value-initialising: a vector's resize(n) leaves new
    // elements of a trivial type unwritten, so the memory past what the owner writes is never
    // faulted in (quantized.h: a graph's codes at capacity, most of it untouched after a resize
    // to the next power of two). Construction with arguments (copies on growth) is as usual.
    template <typename U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
    template <typename U>
    bool operator==(const LargeAllocator<U>&) const { return true; }
    template <typename U>
    bool operator!=(const LargeAllocator<U>&) const { return false; }
};

}  // namespace hnswlib
