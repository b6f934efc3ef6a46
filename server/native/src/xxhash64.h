// XXH64 (Yann Collet's xxHash, 64-bit variant), written from the algorithm's published
// specification (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md). Used to
// detect damaged graph files: several GB/s, so checking a 1M-node graph costs ~50 ms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace chromaspec {

namespace xxh64_detail {
constexpr uint64_t P1 = 0x9E3779B185EBCA87ULL;
constexpr uint64_t P2 = 0xC2B2AE3D27D4EB4FULL;
constexpr uint64_t P3 = 0x165667B19E3779F9ULL;
constexpr uint64_t P4 = 0x85EBCA77C2B2AE63ULL;
constexpr uint64_t P5 = 0x27D4EB2F165667C5ULL;

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// Little-endian reads (the graph file format is little-endian; so are x86-64 and arm64).
inline uint64_t read64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline uint32_t read32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

inline uint64_t round(uint64_t acc, uint64_t lane) {
  acc += lane * P2;
  acc = rotl(acc, 31);
  return acc * P1;
}

inline uint64_t merge(uint64_t acc, uint64_t lane) {
  acc ^= round(0, lane);
  return acc * P1 + P4;
}
}  // namespace xxh64_detail

inline uint64_t xxh64(const void* data, size_t length, uint64_t seed = 0) {
  using namespace xxh64_detail;
  const uint8_t* p = static_cast<const uint8_t*>(data);
  const uint8_t* const end = p + length;
  uint64_t acc;
  if (length >= 32) {
    uint64_t v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
    const uint8_t* const limit = end - 32;
    do {
      v1 = round(v1, read64(p));
      v2 = round(v2, read64(p + 8));
      v3 = round(v3, read64(p + 16));
      v4 = round(v4, read64(p + 24));
      p += 32;
    } while (p <= limit);
    acc = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
    acc = merge(acc, v1);
    acc = merge(acc, v2);
    acc = merge(acc, v3);
    acc = merge(acc, v4);
  } else {
    acc = seed + P5;
  }
  acc += static_cast<uint64_t>(length);
  while (p + 8 <= end) {
    acc ^= round(0, read64(p));
    acc = rotl(acc, 27) * P1 + P4;
    p += 8;
  }
  if (p + 4 <= end) {
    acc ^= static_cast<uint64_t>(read32(p)) * P1;
    acc = rotl(acc, 23) * P2 + P3;
    p += 4;
  }
  while (p < end) {
    acc ^= static_cast<uint64_t>(*p) * P5;
    acc = rotl(acc, 11) * P1;
    p++;
  }
  acc ^= acc >> 33;
  acc *= P2;
  acc ^= acc >> 29;
  acc *= P3;
  acc ^= acc >> 32;
  return acc;
}

}  // namespace chromaspec
