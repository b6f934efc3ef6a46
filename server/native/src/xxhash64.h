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

// XXH64 over bytes given in pieces (the same value as xxh64() of them concatenated): hashes a
// graph's bytes as a save walks them, without the whole in one buffer.
class Xxh64Stream {
 public:
  explicit Xxh64Stream(uint64_t seed = 0)
      : seed_(seed), v1_(seed + xxh64_detail::P1 + xxh64_detail::P2), v2_(seed + xxh64_detail::P2), v3_(seed), v4_(seed - xxh64_detail::P1) {}

  void update(const void* data, size_t length) {
    using namespace xxh64_detail;
    const uint8_t* p = static_cast<const uint8_t*>(data);
    const uint8_t* const end = p + length;
    total_ += length;
    if (buffered_ + length < 32) {
      std::memcpy(buffer_ + buffered_, p, length);
      buffered_ += length;
      return;
    }
    if (buffered_ > 0) {
      const size_t fill = 32 - buffered_;
      std::memcpy(buffer_ + buffered_, p, fill);
      p += fill;
      stripe(buffer_);
      buffered_ = 0;
    }
    while (p + 32 <= end) {
      stripe(p);
      p += 32;
    }
    buffered_ = static_cast<size_t>(end - p);
    std::memcpy(buffer_, p, buffered_);
  }

  uint64_t digest() const {
    using namespace xxh64_detail;
    uint64_t acc;
    if (total_ >= 32) {
      acc = rotl(v1_, 1) + rotl(v2_, 7) + rotl(v3_, 12) + rotl(v4_, 18);
      acc = merge(acc, v1_);
      acc = merge(acc, v2_);
      acc = merge(acc, v3_);
      acc = merge(acc, v4_);
    } else {
      acc = seed_ + P5;
    }
    acc += total_;
    const uint8_t* p = buffer_;
    const uint8_t* const end = buffer_ + buffered_;
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

 private:
  void stripe(const uint8_t* p) {
    using namespace xxh64_detail;
    v1_ = round(v1_, read64(p));
    v2_ = round(v2_, read64(p + 8));
    v3_ = round(v3_, read64(p + 16));
    v4_ = round(v4_, read64(p + 24));
  }

  uint64_t seed_, v1_, v2_, v3_, v4_;
  uint64_t total_ = 0;
  uint8_t buffer_[32];
  size_t buffered_ = 0;
};

// XXH64 of one buffer: the stream over a single piece (its stripes are hashed in place; only the
// tail of fewer than 32 bytes is copied).
inline uint64_t xxh64(const void* data, size_t length, uint64_t seed = 0) {
  Xxh64Stream hash(seed);
  hash.update(data, length);
  return hash.digest();
}

}  // namespace chromaspec
