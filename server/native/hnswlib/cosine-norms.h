#pragma once
// chromaspec: cosine distances from norms computed once, not in every call:
// d(a, b) = 1 - (a . b) / (|a| |b|), 1 where either norm is 0 (as hnsw.cc's CosineDistance).
//
// The graph reads the server's raw vectors (they keep their length), and the space's kernel
// (hnsw.cc CosineDistance) sums a . b, |a|^2 and |b|^2 in every call: three multiply-adds per
// coordinate, three reductions, a sqrt and a divide. Uniform 384-d cosine builds took ~1.2x the
// CPU of l2's for that alone (notes/cos--18). Here a search's or an insert's query has its norm
// summed once, and an element's |v| is read from the norms the server writes beside its vectors
// (slots.ts, registered with setChunk): one dot product per distance.
//
// Why not a norm cached in the graph: the server rewrites a replaced record's vector in place
// before the graph takes the update (the label is queued meanwhile, maybe behind a whole bulk
// build); inserts running then would score 1 - s cos(q, v) with s = new/old length, and the
// heuristic would link to that element from everywhere (hnsw-native.test.ts, 40x rescale: recall
// 0.31). The server writes vector and norm together, so the graph always reads a pair that
// belongs together (the same window a vector rewrite itself has).
//
// Rows whose chunk came without norms (callers that give none) have |v| summed with the dot.
#include <cmath>
#include <cstddef>
#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace hnswlib {

class CosineQuery {
 public:
  explicit CosineQuery(size_t dim) : dim_(dim) {}

  // |q|, summed in float64 as the server's norms are (distance.ts vectorNorm).
  float norm(const float* q) const {
    double sum = 0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < dim_; i++) sum += double(q[i]) * double(q[i]);
    return float(std::sqrt(sum));
  }

  // 1 - cos(a, b) given both norms.
  inline float between(const float* a, float aNorm, const float* b, float bNorm) const {
    return fromDot(dot(a, b), aNorm * bNorm);
  }

  // 1 - cos(q, v) given qNorm = norm(q); vNorm: v's norm in the server's norms, or null (summed
  // here with the dot).
  inline float distance(const float* q, float qNorm, const float* v, const float* vNorm) const {
    if (vNorm) return fromDot(dot(q, v), qNorm * *vNorm);
    const size_t n = dim_;
    size_t i = 0;
    float d = 0, vv = 0;
#if defined(__AVX512F__)
    __m512 sd = _mm512_setzero_ps(), sv = _mm512_setzero_ps();
    for (; i + 16 <= n; i += 16) {
      const __m512 a = _mm512_loadu_ps(q + i);
      const __m512 b = _mm512_loadu_ps(v + i);
      sd = _mm512_fmadd_ps(a, b, sd);
      sv = _mm512_fmadd_ps(b, b, sv);
    }
    d = _mm512_reduce_add_ps(sd);
    vv = _mm512_reduce_add_ps(sv);
#endif
#pragma omp simd reduction(+ : d, vv)
    for (size_t j = i; j < n; j++) {
      d += q[j] * v[j];
      vv += v[j] * v[j];
    }
    return fromDot(d, qNorm * std::sqrt(vv));
  }

 private:
  static inline float fromDot(float dot, float denominator) {
    return denominator > 0 ? 1.0f - dot / denominator : 1.0f;
  }

  inline float dot(const float* a, const float* b) const {
    const size_t n = dim_;
    size_t i = 0;
    float d = 0;
#if defined(__AVX512F__)
    // Two accumulators: one FMA chain would wait on its own latency every step.
    __m512 s0 = _mm512_setzero_ps(), s1 = _mm512_setzero_ps();
    for (; i + 32 <= n; i += 32) {
      s0 = _mm512_fmadd_ps(_mm512_loadu_ps(a + i), _mm512_loadu_ps(b + i), s0);
      s1 = _mm512_fmadd_ps(_mm512_loadu_ps(a + i + 16), _mm512_loadu_ps(b + i + 16), s1);
    }
    for (; i + 16 <= n; i += 16) s0 = _mm512_fmadd_ps(_mm512_loadu_ps(a + i), _mm512_loadu_ps(b + i), s0);
    d = _mm512_reduce_add_ps(_mm512_add_ps(s0, s1));
#endif
#pragma omp simd reduction(+ : d)
    for (size_t j = i; j < n; j++) d += a[j] * b[j];
    return d;
  }

  size_t dim_;
};

}  // namespace hnswlib
