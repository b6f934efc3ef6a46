#pragma once
// chromaspec: int8 copies of a graph's vectors, for the search to traverse on (SQ8).
//
// A search reads a few thousand vectors to find 10: at 384 float32 dimensions that is 1536
// bytes (24 cache lines) per visited node, mostly cache misses. An int8 copy is 4x smaller and
// its dot product with an int16 query takes a third of the instructions (AVX-512 VNNI). The
// distances it gives are approximate, so a search ranks its ef best candidates by them and the
// caller re-ranks those with the exact float distance (hnswalg.h searchKnnEf).
//
// Per-vector symmetric quantization: code = round(x / scale), scale = max|x| / 127. No training,
// so it fits incremental inserts and any distribution. Cosine quantizes the normalized vector
// (the graph keeps raw vectors; cosine distance = 1 - dot of the normalized ones). The query is
// quantized to int16 (scale max|q| / 16383): its own rounding error is ~1/16000 of its largest
// coordinate, negligible beside the data's ~1/254, and 16383 * 127 * 2 products per 32-bit lane
// and step cannot overflow for dim <= kMaxDim.
//
// Approximate distances (s = scales, I = integer dot product of the codes):
//   l2:     |q|^2 + |v|^2 - 2 s_q s_v I   (|q|^2 and |v|^2 exact, from the floats)
//   ip:     1 - s_q s_v I
//   cosine: 1 - s_q s_v I                 (q and v normalized before quantizing)
//
// Memory: `stride` bytes (dim rounded up to 32) + 8 bytes per element of capacity, resident only
// for the rows written (see resize).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>
#include "huge-pages.h"
#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif

namespace hnswlib {

class QuantizedVectors {
 public:
  enum Kind : uint32_t { L2 = 0, IP = 1, Cosine = 2 };
  static constexpr size_t kMaxDim = 16384;

  struct Extras {
    float scale;   // s_v
    float sqnorm;  // |v|^2 (l2 only)
  };

  // One query, ready to score against the codes.
  struct Query {
    std::vector<int16_t> codes;
    float scale = 0;   // s_q
    float sqnorm = 0;  // |q|^2 (l2 only)
    float l1 = 0;      // |q|_1 of the vector coded (q / |q| for cosine): errorBound's
  };

  QuantizedVectors(Kind kind, size_t dim, size_t capacity) : kind_(kind), dim_(dim), stride_((dim + 31) / 32 * 32) {
    if (dim == 0 || dim > kMaxDim) throw std::runtime_error("quantized vectors: dimension out of range");
    resize(capacity);
  }

  Kind kind() const { return kind_; }
  size_t stride() const { return stride_; }

  // Bytes held (codes + extras) for `capacity` elements.
  size_t bytes() const { return codes_.size() + extras_.size() * sizeof(Extras); }

  // Rows past the ones set() has written are left uninitialised (LargeAllocator's resize): a
  // graph's capacity is the next power of two, so at 300k x 384 a zero-filled tail was ~86 MiB
  // resident for 224k slots nobody uses yet. Safe because a row is only read (distance,
  // prefetch) for an element the graph holds, and the graph writes an element's codes (set,
  // through setDerived) before it links it or counts it, on insert, update and restore alike.
  void resize(size_t capacity) {
    codes_.resize(capacity * stride_);
    extras_.resize(capacity);
  }

  // Writes element `id`'s codes from its float vector. Distinct ids may be written from several
  // threads at once (nothing shared is written). The codes of x and of x / |x| are the same (the
  // scale absorbs the length): cosine only divides the scale by |x|.
  void set(size_t id, const float* v) {
    const double norm2 = SquaredNorm(v);
    const float maxabs = MaxAbs(v);
    int8_t* out = codes_.data() + id * stride_;
    Code(v, maxabs > 0 ? 127.0f / maxabs : 0.0f, 127, out);
    std::fill(out + dim_, out + stride_, int8_t(0));
    const float length = kind_ == Cosine && norm2 > 0 ? float(std::sqrt(norm2)) : 1.0f;
    extras_[id] = Extras{maxabs / 127.0f / length, float(norm2)};
  }

  void prepare(const float* q, Query& out) const {
    out.codes.assign(stride_, 0);
    const double norm2 = SquaredNorm(q);
    const float maxabs = MaxAbs(q);
    Code(q, maxabs > 0 ? 16383.0f / maxabs : 0.0f, 16383, out.codes.data());
    const float length = kind_ == Cosine && norm2 > 0 ? float(std::sqrt(norm2)) : 1.0f;
    out.scale = maxabs / 16383.0f / length;
    out.sqnorm = float(norm2);
    out.l1 = float(L1(q) / length);
  }

  // An upper bound on |distance(q, id) - the exact float distance| (the search's re-rank skips
  // an element whose approximate distance minus this is already beyond its k-th exact one: it
  // cannot enter the k, so the answers are those of scoring it). With q = s_q d + e_q and
  // v = s_v c + e_v (the vectors coded, |e_q,i| <= s_q / 2 and |e_v,i| <= s_v / 2: round to
  // nearest, never clamped since the largest coordinate codes to exactly 127 / 16383),
  //   |q.v - s_q s_v d.c| = |q.e_v + e_q.v - e_q.e_v| <= s_v/2 |q|_1 + s_q/2 |v|_1 + dim s_q s_v/4,
  // with |v|_1 <= sqrt(dim) |v| (|v| = 1 for cosine's normalized vectors). l2's distance carries
  // the dot twice. The float arithmetic of both distances (the exact one sums dim products in
  // float) adds far less than the margin: 1e-3 relative plus 1e-4 of the distances' own scale.
  inline float errorBound(const Query& q, size_t id) const {
    const Extras& e = extras_[id];
    const float sqrtDim = std::sqrt(float(dim_));
    const float vNormBound = kind_ == Cosine ? sqrtDim : sqrtDim * std::sqrt(e.sqnorm);
    const float dot = 0.5f * e.scale * q.l1 + 0.5f * q.scale * vNormBound + 0.25f * float(dim_) * q.scale * e.scale;
    if (kind_ == L2) return 2.002f * dot + 1e-4f * (q.sqnorm + e.sqnorm);
    if (kind_ == IP) return 1.001f * dot + 1e-4f * (1.0f + std::sqrt(q.sqnorm * e.sqnorm));
    return 1.001f * dot + 1e-4f;
  }

  inline void prefetch(size_t id) const {
#if defined(__SSE__) || defined(__AVX2__) || defined(__AVX512F__)
    const char* p = reinterpret_cast<const char*>(codes_.data() + id * stride_);
    for (size_t off = 0; off < stride_; off += 64) _mm_prefetch(p + off, _MM_HINT_T0);
    _mm_prefetch(reinterpret_cast<const char*>(&extras_[id]), _MM_HINT_T0);
#endif
  }

  inline float distance(const Query& q, size_t id) const {
    const int32_t dot = Dot(q.codes.data(), codes_.data() + id * stride_, stride_);
    const Extras& e = extras_[id];
    const float approx = q.scale * e.scale * float(dot);
    if (kind_ == L2) return q.sqnorm + e.sqnorm - 2.0f * approx;
    return 1.0f - approx;
  }

 private:
  double SquaredNorm(const float* v) const {
    double sum = 0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < dim_; i++) sum += double(v[i]) * double(v[i]);
    return sum;
  }

  double L1(const float* v) const {
    double sum = 0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < dim_; i++) sum += std::fabs(double(v[i]));
    return sum;
  }

  float MaxAbs(const float* v) const {
    float m = 0;
#pragma omp simd reduction(max : m)
    for (size_t i = 0; i < dim_; i++) m = std::max(m, std::fabs(v[i]));
    return m;
  }

  // out[i] = round(v[i] * mul) (to nearest, ties to even), within [-limit, limit]; T int8 or int16.
  template <typename T>
  void Code(const float* v, float mul, int32_t limit, T* out) const {
    size_t i = 0;
#if defined(__AVX512F__)
    const __m512 m = _mm512_set1_ps(mul);
    const __m512i hi = _mm512_set1_epi32(limit), lo = _mm512_set1_epi32(-limit);
    for (; i + 16 <= dim_; i += 16) {
      __m512i c = _mm512_cvtps_epi32(_mm512_mul_ps(_mm512_loadu_ps(v + i), m));
      c = _mm512_max_epi32(_mm512_min_epi32(c, hi), lo);
      if (sizeof(T) == 1) _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm512_cvtepi32_epi8(c));
      else _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i), _mm512_cvtepi32_epi16(c));
    }
#endif
    for (; i < dim_; i++) {
      const float c = std::nearbyint(v[i] * mul);
      out[i] = static_cast<T>(std::max(float(-limit), std::min(float(limit), c)));
    }
  }

  // Integer dot product of an int16 query and int8 codes, n a multiple of 32.
  static inline int32_t Dot(const int16_t* q, const int8_t* c, size_t n) {
#if defined(__AVX512BW__)
    __m512i acc0 = _mm512_setzero_si512(), acc1 = _mm512_setzero_si512();
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
      const __m512i c0 = _mm512_cvtepi8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(c + i)));
      const __m512i c1 = _mm512_cvtepi8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(c + i + 32)));
      const __m512i q0 = _mm512_loadu_si512(q + i);
      const __m512i q1 = _mm512_loadu_si512(q + i + 32);
#if defined(__AVX512VNNI__)
      acc0 = _mm512_dpwssd_epi32(acc0, c0, q0);
      acc1 = _mm512_dpwssd_epi32(acc1, c1, q1);
#else
      acc0 = _mm512_add_epi32(acc0, _mm512_madd_epi16(c0, q0));
      acc1 = _mm512_add_epi32(acc1, _mm512_madd_epi16(c1, q1));
#endif
    }
    if (i < n) {
      const __m512i c0 = _mm512_cvtepi8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(c + i)));
      const __m512i q0 = _mm512_loadu_si512(q + i);
#if defined(__AVX512VNNI__)
      acc0 = _mm512_dpwssd_epi32(acc0, c0, q0);
#else
      acc0 = _mm512_add_epi32(acc0, _mm512_madd_epi16(c0, q0));
#endif
    }
    return _mm512_reduce_add_epi32(_mm512_add_epi32(acc0, acc1));
#else
    int32_t sum = 0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++) sum += int32_t(q[i]) * int32_t(c[i]);
    return sum;
#endif
  }

  Kind kind_;
  size_t dim_;
  size_t stride_;
  // On huge pages where the system gives them (huge-pages.h): a search reads a few thousand rows at random.
  std::vector<int8_t, LargeAllocator<int8_t>> codes_;
  std::vector<Extras, LargeAllocator<Extras>> extras_;
};

}  // namespace hnswlib
