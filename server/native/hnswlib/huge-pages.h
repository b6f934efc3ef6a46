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
#include <cstdint>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
#if defined(__linux__)
#include <sys/mman.h>
#include <mutex>
#include <unordered_map>
#endif

namespace hnswlib {

constexpr size_t kHugePageBytes = size_t(2) << 20;

// Whether new large blocks get the advice (the addon's setHugePages; on by default).
inline std::atomic<bool>& hugePagesWanted() {
    static std::atomic<bool> wanted{true};
    return wanted;
}

#if defined(__linux__) && defined(MADV_HUGEPAGE)
// allocLarge's own mappings and their lengths (a handful: a graph's arrays, replaced on resize).
struct LargeMappings {
    std::mutex lock;
    std::unordered_map<void*, size_t> bytes;
};
inline LargeMappings& largeMappings() {
    static LargeMappings m;
    return m;
}
#endif

// `bytes` of uninitialized memory, or nullptr. At least one huge page (when wanted): a mapping
// of its own, 2 MiB-aligned, advised MADV_HUGEPAGE; smaller blocks come from malloc. Free with
// freeLarge.
//
// Why not posix_memalign + madvise: a block below glibc's mmap threshold (dynamic, up to 32 MiB:
// a graph's arrays while it holds fewer than ~100k elements) is carved from a malloc heap, so
// the advice lands on the heap's own mapping and stays there after the block is freed on the
// next resize: whatever malloc puts there later (request buffers, the slot store's chunks,
// LanceDB's batches) is then faulted and collapsed (khugepaged) in 2 MiB pages, and a trim of a
// few free 4 KiB pages inside one splits it. Own mappings keep the advice on the graph's arrays
// only, and are unmapped when freed.
inline void* allocLarge(size_t bytes) {
    if (bytes < kHugePageBytes || !hugePagesWanted().load(std::memory_order_relaxed)) return malloc(bytes == 0 ? 1 : bytes);
    const size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // One huge page more than needed, then the unaligned head and the tail given back.
    const size_t span = rounded + kHugePageBytes;
    void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    char* start = static_cast<char*>(raw);
    char* p = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(start) + kHugePageBytes - 1) & ~(uintptr_t(kHugePageBytes) - 1));
    if (p > start) munmap(start, size_t(p - start));
    char* end = start + span;
    if (end > p + rounded) munmap(p + rounded, size_t(end - (p + rounded)));
    madvise(p, rounded, MADV_HUGEPAGE);  // a refusal (THP "never", old kernel) leaves 4 KiB pages
    try {
        std::lock_guard<std::mutex> guard(largeMappings().lock);
        largeMappings().bytes.emplace(p, rounded);
    } catch (...) {
        munmap(p, rounded);
        return nullptr;
    }
    return p;
#else
    void* p = nullptr;
    if (posix_memalign(&p, kHugePageBytes, rounded) != 0) return nullptr;
    return p;
#endif
}

// Frees allocLarge's blocks: its own mappings unmapped, malloc's freed.
inline void freeLarge(void* p) {
    if (p == nullptr) return;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    size_t mapped = 0;
    {
        std::lock_guard<std::mutex> guard(largeMappings().lock);
        auto it = largeMappings().bytes.find(p);
        if (it != largeMappings().bytes.end()) {
            mapped = it->second;
            largeMappings().bytes.erase(it);
        }
    }
    if (mapped > 0) {
        munmap(p, mapped);
        return;
    }
#endif
    free(p);
}

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
