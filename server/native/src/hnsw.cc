// chromaspec's HNSW graph: a thin N-API binding over hnswlib (vendored in ../hnswlib, v0.8.0),
// shaped for the vector index rather than as a general-purpose wrapper:
//
// - vectors are not copied into the graph: it reads them where the server keeps them (the slot
//   store's chunks, registered with setChunk), so each vector is in memory once;
// - a batch of new points is inserted by several threads at once (hnswlib's insert is
//   thread-safe), so bulk indexing uses every core the server is not busy with;
// - search filters (allowed bitset, labels with queued changes) are plain memory the C++
//   side reads, not a JS callback per visited node;
// - a graph can be handed from one thread to another in the same process (detach in the
//   worker, adopt on the main thread): no file, no copy;
// - a graph can be saved as bytes (on a background thread, while searches go on) and restored
//   from them, checked (graph-file.h), so a restart need not rebuild it.
#include <napi.h>

#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "../hnswlib/hnswlib.h"
#include "graph-file.h"
#include "xxhash64.h"

#if defined(__GLIBC__)
#include <malloc.h>

#include <cstdio>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace {

// The numbers are part of the graph file format (graph-file.h).
enum class Space : uint32_t { L2 = 0, IP = 1, Cosine = 2 };

// Cosine distance of raw (not normalized) vectors: the graph reads the server's own copies,
// which keep their length. Zero vectors never enter a graph (the server scores them exactly).
// Explicit AVX-512 where the build has it (the compiler's own vectorization of this loop uses
// 256-bit registers), as hnswlib does for its spaces.
inline float CosineFrom(float dot, float xx, float yy) {
  const float denominator = std::sqrt(xx * yy);
  return denominator > 0 ? 1.0f - dot / denominator : 1.0f;
}

float CosineDistance(const void* a, const void* b, const void* param) {
  const float* x = static_cast<const float*>(a);
  const float* y = static_cast<const float*>(b);
  const size_t n = *static_cast<const size_t*>(param);
  size_t i = 0;
  float dot = 0, xx = 0, yy = 0;
#if defined(__AVX512F__)
  __m512 vd = _mm512_setzero_ps(), vx = _mm512_setzero_ps(), vy = _mm512_setzero_ps();
  for (; i + 16 <= n; i += 16) {
    const __m512 p = _mm512_loadu_ps(x + i);
    const __m512 q = _mm512_loadu_ps(y + i);
    vd = _mm512_fmadd_ps(p, q, vd);
    vx = _mm512_fmadd_ps(p, p, vx);
    vy = _mm512_fmadd_ps(q, q, vy);
  }
  dot = _mm512_reduce_add_ps(vd);
  xx = _mm512_reduce_add_ps(vx);
  yy = _mm512_reduce_add_ps(vy);
#endif
#pragma omp simd reduction(+ : dot, xx, yy)
  for (size_t j = i; j < n; j++) {
    dot += x[j] * y[j];
    xx += x[j] * x[j];
    yy += y[j] * y[j];
  }
  return CosineFrom(dot, xx, yy);
}

class CosineSpace : public hnswlib::SpaceInterface<float> {
 public:
  explicit CosineSpace(size_t dim) : dim_(dim) {}
  size_t get_data_size() override { return dim_ * sizeof(float); }
  hnswlib::DISTFUNC<float> get_dist_func() override { return CosineDistance; }
  void* get_dist_func_param() override { return &dim_; }

 private:
  size_t dim_;
};

// What the graph points to must outlive it: all of it lives here, the graph declared last so
// it is destroyed first.
struct Holder {
  Space space;
  size_t dim;
  std::unique_ptr<hnswlib::SpaceInterface<float>> metric;
  hnswlib::ExternalVectors vectors;
  std::unique_ptr<hnswlib::HierarchicalNSW<float>> graph;
};

// Links an ip graph's node keeps at least (hnswalg.h keep_pruned_). hnswlib's neighbour heuristic
// drops candidate c when an already kept neighbour s has d(s, c) < d(node, c), which for inner
// product (d = 1 - s.c, not a metric) means s.c > node.c: one long vector among the kept ones
// prunes nearly everything, nodes end with a few links and some lose every in-link, so no search
// reaches them at any ef. On `make bench`'s 100k x 384 "full" clusters (not normalised) recall@10
// was 0.987 at ef 128 and still 0.989 at ef 20000 (the reference, hnswlib too: 0.972-0.974 on the
// matrix's 50 queries, issue 18). Refilled up to 8 with the candidates the heuristic pruned,
// nearest first: 0.9965 at ef 128 (first 50: 0.998), 0.999 at ef 20000; CPU per search 145 ->
// 174 us, build CPU 17.7 -> 23.9 s (int8 traversal, `bench/build-ab.ts --shape full --space ip
// --quant`). Uniform ip (a graph of each, int8, 200 queries): build CPU 64.5 vs 66.5 s, recall 0.137
// vs 0.139, CPU per search 251 vs 271 us (within the rounds' spread): the heuristic rarely keeps
// fewer than 8 there. l2 and cosine are metrics: their graphs are left as hnswlib builds them.
constexpr size_t kIpMinLinks = 8;

std::unique_ptr<hnswlib::SpaceInterface<float>> makeMetric(Space space, size_t dim) {
  if (space == Space::L2) return std::make_unique<hnswlib::L2Space>(dim);
  if (space == Space::IP) return std::make_unique<hnswlib::InnerProductSpace>(dim);
  return std::make_unique<CosineSpace>(dim);
}

// Graphs between detach (one thread) and adopt (another): process-wide, hence the lock.
std::mutex parkedLock;
std::unordered_map<uint32_t, Holder*> parked;
uint32_t nextParked = 1;

// setChunk(index, rows: Float32Array, norms?: Float32Array) of both classes: chunk `index` of
// `vectors` is at rows' memory, and the rows' norms (|v|, one float per row, kept current with
// the rows by the caller) at norms', both kept alive (and in place) by the caller for as long as
// they are read. Cosine graphs read the norms instead of summing |v| in every distance
// (hnswlib/cosine-norms.h); without them (or registered again without them) they sum it.
Napi::Value RegisterChunk(const Napi::CallbackInfo& info, hnswlib::ExternalVectors& vectors, size_t dim) {
  Napi::Env env = info.Env();
  const uint32_t index = info[0].As<Napi::Number>().Uint32Value();
  auto rows = info[1].As<Napi::Float32Array>();
  const size_t chunkRows = size_t(1) << vectors.chunk_bits;
  if (rows.ElementLength() < chunkRows * dim) {
    Napi::RangeError::New(env, "chunk shorter than 2^chunkBits rows").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  const float* norms = nullptr;
  if (info.Length() > 2 && !info[2].IsUndefined() && !info[2].IsNull()) {
    if (!info[2].IsTypedArray() || info[2].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
      Napi::TypeError::New(env, "norms must be a Float32Array").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    auto n = info[2].As<Napi::Float32Array>();
    if (n.ElementLength() < chunkRows) {
      Napi::RangeError::New(env, "norms shorter than 2^chunkBits rows").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    norms = n.Data();
  }
  if (vectors.chunks.size() <= index) vectors.chunks.resize(index + 1, nullptr);
  if (vectors.norms.size() <= index) vectors.norms.resize(index + 1, nullptr);
  vectors.chunks[index] = reinterpret_cast<const char*>(rows.Data());
  vectors.norms[index] = norms;
  return env.Undefined();
}

class SearchFilter : public hnswlib::BaseFilterFunctor {
 public:
  const uint8_t* allowed = nullptr;
  size_t allowedLength = 0;
  const int32_t* queued = nullptr;
  size_t queuedLength = 0;

  bool operator()(hnswlib::labeltype label) override {
    if (allowed != nullptr) {
      const size_t byte = label >> 3;
      if (byte >= allowedLength || (allowed[byte] & (1u << (label & 7))) == 0) return false;
    }
    // A label with a change still queued holds an outdated vector: the caller scores it exactly.
    if (queued != nullptr && label < queuedLength && queued[label] > 0) return false;
    return true;
  }
};

// One search call's arguments, read from JS (the pointers stay valid while the caller holds
// the arrays; `queuedCopy` owns a copy of `queued` when a search outlives the call).
struct SearchArgs {
  const float* queries = nullptr;
  size_t n = 0, k = 0, ef = 0;
  size_t upperEf = 1;  // width of the beam over level 1 (1 = hnswlib's greedy descent)
  size_t rerank = 0;   // with int8 traversal: how many of the ef best to re-rank exactly (0 = all)
  SearchFilter filter;
  bool filtered = false;
  std::vector<int32_t> queuedCopy;
};

// k labels per query into out (n * k), nearest first, -1 padded. Only reads the graph, and
// takes ef per call, so it may run on several threads at once.
void runSearch(Holder& h, const SearchArgs& a, int32_t* out) {
  std::fill(out, out + a.n * a.k, -1);
  if (a.k == 0 || h.graph->getCurrentElementCount() == 0) return;
  // searchKnn calls the filter through a non-const pointer; it holds no state of its own.
  auto* filter = a.filtered ? const_cast<SearchFilter*>(&a.filter) : nullptr;
  for (size_t q = 0; q < a.n; q++) {
    auto found = h.graph->searchKnnEf(a.queries + q * h.dim, a.k, filter, a.ef, a.upperEf, true, a.rerank);
    // A max-heap: farthest on top, so it fills from the back.
    size_t j = found.size();
    while (!found.empty()) {
      out[q * a.k + --j] = static_cast<int32_t>(found.top().second);
      found.pop();
    }
  }
}

class HnswIndex : public Napi::ObjectWrap<HnswIndex> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "HnswIndex",
                       {
                           InstanceMethod("setChunk", &HnswIndex::SetChunk),
                           InstanceMethod("addPoints", &HnswIndex::AddPoints),
                           InstanceMethod("markDelete", &HnswIndex::MarkDelete),
                           InstanceMethod("resize", &HnswIndex::Resize),
                           InstanceMethod("search", &HnswIndex::Search),
                           InstanceMethod("searchAsync", &HnswIndex::SearchAsync),
                           InstanceMethod("count", &HnswIndex::Count),
                           InstanceMethod("capacity", &HnswIndex::Capacity),
                           InstanceMethod("detach", &HnswIndex::Detach),
                           InstanceMethod("serialize", &HnswIndex::Serialize),
                           InstanceMethod("serializedSize", &HnswIndex::SerializedSize),
                           InstanceMethod("restore", &HnswIndex::Restore),
                           InstanceMethod("labelStates", &HnswIndex::LabelStates),
                           InstanceMethod("quantized", &HnswIndex::Quantized),
                           StaticMethod("release", &HnswIndex::Release),
                       });
  }

  // new HnswIndex(space, dim, capacity, m, efConstruction, seed, chunkBits, quantized = false),
  // or new HnswIndex(handle) to adopt a graph another thread detached. Vectors are rows of
  // 2^chunkBits per chunk (setChunk), found by label. quantized: searches traverse int8 copies
  // of the vectors (hnswlib/quantized.h, dim + 8 bytes per element of capacity) and re-rank
  // with the exact distance.
  explicit HnswIndex(const Napi::CallbackInfo& info) : Napi::ObjectWrap<HnswIndex>(info) {
    Napi::Env env = info.Env();
    if (info.Length() == 1) {
      const uint32_t handle = info[0].As<Napi::Number>().Uint32Value();
      std::lock_guard<std::mutex> lock(parkedLock);
      auto it = parked.find(handle);
      if (it == parked.end()) {
        Napi::Error::New(env, "no detached graph with this handle").ThrowAsJavaScriptException();
        return;
      }
      holder_.reset(it->second);
      parked.erase(it);
      return;
    }
    if (info.Length() < 7) {
      Napi::TypeError::New(env, "expected (space, dim, capacity, m, efConstruction, seed, chunkBits)").ThrowAsJavaScriptException();
      return;
    }
    const std::string space = info[0].As<Napi::String>().Utf8Value();
    auto h = std::make_unique<Holder>();
    if (space == "l2") h->space = Space::L2;
    else if (space == "ip") h->space = Space::IP;
    else if (space == "cosine") h->space = Space::Cosine;
    else {
      Napi::TypeError::New(env, "space must be l2, ip or cosine").ThrowAsJavaScriptException();
      return;
    }
    h->dim = info[1].As<Napi::Number>().Uint32Value();
    const size_t capacity = info[2].As<Napi::Number>().Uint32Value();
    const size_t m = info[3].As<Napi::Number>().Uint32Value();
    const size_t efc = info[4].As<Napi::Number>().Uint32Value();
    const size_t seed = info[5].As<Napi::Number>().Uint32Value();
    h->vectors.chunk_bits = info[6].As<Napi::Number>().Uint32Value();
    h->vectors.row_bytes = h->dim * sizeof(float);
    try {
      h->metric = makeMetric(h->space, h->dim);
      h->graph = std::make_unique<hnswlib::HierarchicalNSW<float>>(h->metric.get(), capacity, m, efc, seed, false, &h->vectors);
      if (h->space == Space::IP) h->graph->keep_pruned_ = kIpMinLinks;
      // Cosine distances from the norms (hnswlib/cosine-norms.h), not summed in every call.
      if (h->space == Space::Cosine) h->graph->enableCosineQuery(h->dim);
      if (info.Length() > 7 && info[7].ToBoolean().Value() && h->dim <= hnswlib::QuantizedVectors::kMaxDim) {
        h->graph->enableQuantized(static_cast<hnswlib::QuantizedVectors::Kind>(h->space), h->dim);
      }
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
      return;
    }
    holder_ = std::move(h);
  }

 private:
  friend class SerializeWorker;
  std::unique_ptr<Holder> holder_;
  friend class SearchWorker;
  // While a save reads the graph on another thread, nothing may change it (searches may run).
  bool saving_ = false;
  // Searches running on pool threads (searchAsync): nothing may change the graph meanwhile.
  uint32_t searching_ = 0;

  Holder* live(Napi::Env env) {
    if (!holder_) Napi::Error::New(env, "this graph was detached").ThrowAsJavaScriptException();
    return holder_.get();
  }

  // live() for calls that change the graph: refused while a save reads it.
  Holder* changeable(Napi::Env env) {
    Holder* h = live(env);
    if (h && saving_) {
      Napi::Error::New(env, "the graph is being saved").ThrowAsJavaScriptException();
      return nullptr;
    }
    if (h && searching_ > 0) {
      Napi::Error::New(env, "the graph is being searched").ThrowAsJavaScriptException();
      return nullptr;
    }
    return h;
  }

  // Reads search()'s arguments into `a`; false (with a JS exception pending) when they are wrong.
  bool searchArgs(const Napi::CallbackInfo& info, SearchArgs& a) {
    Napi::Env env = info.Env();
    Holder* h = live(env);
    if (!h) return false;
    auto queries = info[0].As<Napi::Float32Array>();
    a.n = info[1].As<Napi::Number>().Uint32Value();
    a.k = info[2].As<Napi::Number>().Uint32Value();
    a.ef = info[3].As<Napi::Number>().Uint32Value();
    if (queries.ElementLength() < a.n * h->dim) {
      Napi::RangeError::New(env, "queries shorter than n x dim").ThrowAsJavaScriptException();
      return false;
    }
    a.queries = queries.Data();
    if (info.Length() > 4 && info[4].IsTypedArray()) {
      auto allowed = info[4].As<Napi::Uint8Array>();
      a.filter.allowed = allowed.Data();
      a.filter.allowedLength = allowed.ElementLength();
      a.filtered = true;
    }
    if (info.Length() > 5 && info[5].IsTypedArray()) {
      auto queued = info[5].As<Napi::Int32Array>();
      a.filter.queued = queued.Data();
      a.filter.queuedLength = queued.ElementLength();
      a.filtered = true;
    }
    if (info.Length() > 6 && info[6].IsNumber()) a.upperEf = info[6].As<Napi::Number>().Uint32Value();
    if (info.Length() > 7 && info[7].IsNumber()) a.rerank = info[7].As<Napi::Number>().Uint32Value();
    return true;
  }

  // setChunk(index, rows: Float32Array, norms?: Float32Array): as RegisterChunk above; the caller
  // keeps both alive (and in place) for as long as the graph is used.
  Napi::Value SetChunk(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = live(env);
    if (!h) return env.Undefined();
    // Registering may grow the chunk table a running search reads.
    if (searching_ > 0) {
      Napi::Error::New(env, "the graph is being searched").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    return RegisterChunk(info, h->vectors, h->dim);
  }

  // addPoints(labels: Int32Array, threads): inserts (or replaces) the points of these labels,
  // reading their vectors from the chunks now. Labels must be distinct and the capacity must
  // already suffice.
  Napi::Value AddPoints(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = changeable(env);
    if (!h) return env.Undefined();
    auto labels = info[0].As<Napi::Int32Array>();
    const size_t threads = std::max<uint32_t>(1, info[1].As<Napi::Number>().Uint32Value());
    const size_t n = labels.ElementLength();
    const int32_t* ids = labels.Data();
    for (size_t i = 0; i < n; i++) {
      if (ids[i] < 0 || h->vectors.at(static_cast<hnswlib::labeltype>(ids[i])) == nullptr) {
        Napi::RangeError::New(env, "label outside the registered chunks").ThrowAsJavaScriptException();
        return env.Undefined();
      }
    }
    std::atomic<size_t> next(0);
    std::mutex errorLock;
    std::string error;
    auto work = [&]() {
      for (;;) {
        const size_t i = next.fetch_add(1);
        if (i >= n) return;
        try {
          const auto label = static_cast<hnswlib::labeltype>(ids[i]);
          h->graph->addPoint(h->vectors.at(label), label);
        } catch (const std::exception& e) {
          std::lock_guard<std::mutex> lock(errorLock);
          if (error.empty()) error = e.what();
          next.store(n);
        }
      }
    };
    const size_t helpers = std::min(threads, n) > 0 ? std::min(threads, n) - 1 : 0;
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (size_t t = 0; t < helpers; t++) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (!error.empty()) Napi::Error::New(env, error).ThrowAsJavaScriptException();
    return env.Undefined();
  }

  Napi::Value MarkDelete(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = changeable(env);
    if (!h) return env.Undefined();
    try {
      h->graph->markDelete(static_cast<hnswlib::labeltype>(info[0].As<Napi::Number>().Uint32Value()));
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
    }
    return env.Undefined();
  }

  Napi::Value Resize(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = changeable(env);
    if (!h) return env.Undefined();
    try {
      h->graph->resizeIndex(info[0].As<Napi::Number>().Uint32Value());
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
    }
    return env.Undefined();
  }

  // search(queries: Float32Array (n * dim), n, k, ef, allowed: Uint8Array | null,
  //        queued: Int32Array | null, upperEf = 1) -> Int32Array (n * k): labels nearest first,
  //        -1 padded. upperEf: width of the beam over level 1 (1 = hnswlib's greedy descent).
  Napi::Value Search(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    SearchArgs args;
    if (!searchArgs(info, args)) return env.Undefined();
    auto out = Napi::Int32Array::New(env, args.n * args.k);
    try {
      runSearch(*holder_, args, out.Data());
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
      return env.Undefined();
    }
    return out;
  }

  // searchAsync(same arguments as search) -> Promise<Int32Array>: the same search on a libuv
  // pool thread, so several run at once beside the event loop. `queued` is copied now (the
  // caller changes it as writes come in); queries and allowed must not change until it
  // resolves. Calls that change the graph throw until every such search has resolved.
  Napi::Value SearchAsync(const Napi::CallbackInfo& info);

  Napi::Value Count(const Napi::CallbackInfo& info) {
    Holder* h = live(info.Env());
    if (!h) return info.Env().Undefined();
    return Napi::Number::New(info.Env(), static_cast<double>(h->graph->getCurrentElementCount()));
  }

  Napi::Value Capacity(const Napi::CallbackInfo& info) {
    Holder* h = live(info.Env());
    if (!h) return info.Env().Undefined();
    return Napi::Number::New(info.Env(), static_cast<double>(h->graph->getMaxElements()));
  }

  // Parks the graph for another thread (`new HnswIndex(handle)`); this object is empty after.
  Napi::Value Detach(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = changeable(env);
    if (!h) return env.Undefined();
    std::lock_guard<std::mutex> lock(parkedLock);
    const uint32_t handle = nextParked++;
    parked[handle] = holder_.release();
    return Napi::Number::New(env, handle);
  }

  // serialize(out?: Uint8Array, offset?: number) -> Promise<Uint8Array>: the graph as bytes
  // (graph-file.h), written on a background thread, into `out` when given (exactly
  // serializedSize() bytes: e.g. over a SharedArrayBuffer another thread then reads without a
  // copy), else into a new Buffer. With `offset`: only bytes [offset, offset + out.length) of
  // them, into `out` (a save in pieces through one small buffer; the caller keeps the graph
  // unchanged until its last piece). Searches may run meanwhile; calls that change the graph
  // throw until it resolves.
  Napi::Value Serialize(const Napi::CallbackInfo& info);

  // serializedSize() -> number: the length of serialize()'s bytes for the graph as it is now.
  Napi::Value SerializedSize(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = live(env);
    if (!h) return env.Undefined();
    return Napi::Number::New(env, static_cast<double>(chromaspec::serializedSize(*h->graph)));
  }

  // restore(bytes: Uint8Array): loads bytes from serialize() into this graph, which must be new
  // (empty) with the same space, dimension, M and ef_construction, and have the chunks of every
  // label in the file registered. Throws "damaged graph file: ..." for a file that fails its
  // checks (the graph stays empty and usable) and another Error for other parameters.
  Napi::Value Restore(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = changeable(env);
    if (!h) return env.Undefined();
    if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
      Napi::TypeError::New(env, "restore expects a Uint8Array").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    auto bytes = info[0].As<Napi::Uint8Array>();
    const chromaspec::Expected want{static_cast<uint32_t>(h->space), static_cast<uint32_t>(h->dim),
                                    static_cast<uint32_t>(h->graph->maxM_), static_cast<uint32_t>(h->graph->ef_construction_)};
    try {
      chromaspec::restoreGraph(*h->graph, h->vectors, bytes.Data(), bytes.ElementLength(), want);
      // The int8 copies are derived, not saved: coded again from the floats.
      h->graph->quantizeAll();
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
    }
    return env.Undefined();
  }

  // quantized() -> whether searches traverse int8 copies of the vectors.
  Napi::Value Quantized(const Napi::CallbackInfo& info) {
    Holder* h = live(info.Env());
    if (!h) return info.Env().Undefined();
    return Napi::Boolean::New(info.Env(), h->graph->quant_ != nullptr);
  }

  // labelStates() -> Uint8Array indexed by label (up to the highest one): 0 = not in the graph,
  // 1 = in it but marked deleted, 2 = in it.
  Napi::Value LabelStates(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = live(env);
    if (!h) return env.Undefined();
    const auto& g = *h->graph;
    const size_t count = g.cur_element_count;
    size_t top = 0;
    for (size_t i = 0; i < count; i++) top = std::max<size_t>(top, g.getExternalLabel(i) + 1);
    auto out = Napi::Uint8Array::New(env, top);
    uint8_t* o = out.Data();
    std::fill(o, o + top, 0);
    for (size_t i = 0; i < count; i++) o[g.getExternalLabel(i)] = g.isMarkedDeleted(i) ? 1 : 2;
    return out;
  }

  // Frees a parked graph nobody will adopt.
  static Napi::Value Release(const Napi::CallbackInfo& info) {
    const uint32_t handle = info[0].As<Napi::Number>().Uint32Value();
    Holder* h = nullptr;
    {
      std::lock_guard<std::mutex> lock(parkedLock);
      auto it = parked.find(handle);
      if (it != parked.end()) {
        h = it->second;
        parked.erase(it);
      }
    }
    delete h;
    return Napi::Boolean::New(info.Env(), h != nullptr);
  }
};

// Writes a graph's bytes on a libuv thread. The JS object is referenced until it is done, so
// neither it nor its graph can be collected meanwhile; it refuses changes until then.
class SerializeWorker : public Napi::AsyncWorker {
 public:
  // `out` (may be empty): the caller's array to write into, of exactly the graph's size.
  // `offset` >= 0: `out` gets that range of the bytes instead (serializeGraphRange).
  SerializeWorker(Napi::Env env, HnswIndex* owner, Holder* holder, Napi::Uint8Array out, double offset)
      : Napi::AsyncWorker(env, "chromaspec:serializeGraph"), deferred_(Napi::Promise::Deferred::New(env)), owner_(owner), holder_(holder), offset_(offset) {
    self_ = Napi::Persistent(owner->Value());
    if (!out.IsEmpty()) {
      out_ = Napi::Persistent(out);
      into_ = out.Data();
      size_ = out.ByteLength();
    }
    owner_->saving_ = true;
  }

  ~SerializeWorker() override { std::free(data_); }

  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    try {
      // (The graph takes no change until this resolves: its size is what Serialize checked.)
      uint8_t* at = into_;
      if (at == nullptr) {
        size_ = chromaspec::serializedSize(*holder_->graph);
        data_ = static_cast<uint8_t*>(std::malloc(size_));
        if (data_ == nullptr) throw std::runtime_error("Not enough memory to save the graph");
        at = data_;
      }
      const auto space = static_cast<uint32_t>(holder_->space);
      const auto dim = static_cast<uint32_t>(holder_->dim);
      if (offset_ >= 0) {
        chromaspec::serializeGraphRange(*holder_->graph, space, dim, static_cast<size_t>(offset_), at, size_);
      } else {
        chromaspec::serializeGraph(*holder_->graph, space, dim, at);
      }
    } catch (const std::exception& e) {
      SetError(e.what());
    }
  }

  void OnOK() override {
    owner_->saving_ = false;
    if (into_ != nullptr) {
      deferred_.Resolve(out_.Value());
    } else {
      uint8_t* data = data_;
      data_ = nullptr;
      deferred_.Resolve(Napi::Buffer<uint8_t>::New(Env(), data, size_, [](Napi::Env, uint8_t* d) { std::free(d); }));
    }
    out_.Reset();
    self_.Reset();
  }

  void OnError(const Napi::Error& e) override {
    owner_->saving_ = false;
    deferred_.Reject(e.Value());
    out_.Reset();
    self_.Reset();
  }

 private:
  Napi::Promise::Deferred deferred_;
  HnswIndex* owner_;
  Holder* holder_;
  Napi::ObjectReference self_;
  Napi::Reference<Napi::Uint8Array> out_;
  uint8_t* into_ = nullptr;
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  double offset_;
};

// Runs one searchAsync on a libuv thread. The graph's JS object and the query / allowed arrays
// are referenced until it is done, so none of them can be collected meanwhile.
class SearchWorker : public Napi::AsyncWorker {
 public:
  SearchWorker(Napi::Env env, HnswIndex* owner, const Napi::CallbackInfo& info, SearchArgs&& args)
      : Napi::AsyncWorker(env, "chromaspec:searchGraph"), deferred_(Napi::Promise::Deferred::New(env)), owner_(owner), args_(std::move(args)) {
    self_ = Napi::Persistent(owner->Value());
    queries_ = Napi::Persistent(info[0].As<Napi::Object>());
    if (args_.filter.allowed != nullptr) allowed_ = Napi::Persistent(info[4].As<Napi::Object>());
    // The caller's queued counts change as writes come in: search over a copy of them now.
    if (args_.filter.queued != nullptr) {
      args_.queuedCopy.assign(args_.filter.queued, args_.filter.queued + args_.filter.queuedLength);
      args_.filter.queued = args_.queuedCopy.data();
    }
    out_.resize(args_.n * args_.k);
    owner_->searching_++;
  }

  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    try {
      runSearch(*owner_->holder_, args_, out_.data());
    } catch (const std::exception& e) {
      SetError(e.what());
    }
  }

  void OnOK() override {
    owner_->searching_--;
    auto out = Napi::Int32Array::New(Env(), out_.size());
    std::copy(out_.begin(), out_.end(), out.Data());
    deferred_.Resolve(out);
  }

  void OnError(const Napi::Error& e) override {
    owner_->searching_--;
    deferred_.Reject(e.Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  HnswIndex* owner_;
  SearchArgs args_;
  Napi::ObjectReference self_, queries_, allowed_;
  std::vector<int32_t> out_;
};

Napi::Value HnswIndex::SearchAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  SearchArgs args;
  if (!searchArgs(info, args)) return env.Undefined();
  auto* worker = new SearchWorker(env, this, info, std::move(args));
  auto promise = worker->Promise();
  worker->Queue();
  return promise;
}

Napi::Value HnswIndex::Serialize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  // Searches running meanwhile only read the graph, as the save does.
  Holder* h = live(env);
  if (!h) return env.Undefined();
  if (saving_) {
    Napi::Error::New(env, "the graph is being saved").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Uint8Array out;
  if (info.Length() > 0 && !info[0].IsUndefined()) {
    if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
      Napi::TypeError::New(env, "serialize expects a Uint8Array to write into").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    out = info[0].As<Napi::Uint8Array>();
  }
  double offset = -1;
  const size_t total = chromaspec::serializedSize(*h->graph);
  if (info.Length() > 1 && !info[1].IsUndefined()) {
    offset = info[1].IsNumber() ? info[1].As<Napi::Number>().DoubleValue() : -1;
    if (out.IsEmpty() || !(offset >= 0) || offset != std::floor(offset) || offset + static_cast<double>(out.ByteLength()) > static_cast<double>(total)) {
      Napi::RangeError::New(env, "serialize: the offset and array are not a range of the graph's serializedSize() bytes").ThrowAsJavaScriptException();
      return env.Undefined();
    }
  } else if (!out.IsEmpty() && out.ByteLength() != total) {
    Napi::RangeError::New(env, "serialize: the array is not the graph's serializedSize()").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  auto* worker = new SerializeWorker(env, this, h, out, offset);
  auto promise = worker->Promise();
  worker->Queue();
  return promise;
}

// hash64(bytes: Uint8Array) -> bigint: XXH64 (seed 0), for the server's own checksums.
Napi::Value Hash64(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    Napi::TypeError::New(env, "hash64 expects a Uint8Array").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  auto bytes = info[0].As<Napi::Uint8Array>();
  return Napi::BigInt::New(env, static_cast<uint64_t>(chromaspec::xxh64(bytes.Data(), bytes.ElementLength())));
}

// decodeBase64Floats(src: Uint8Array, spans: Int32Array, out: Uint8Array) -> boolean: the write
// path's base64 embeddings decoded from the request bytes (src/http/embeddings-body.ts, which
// checked each span's length, padding and spare bits): spans holds (from, chars) pairs, the
// characters of each embedding without its padding; their bytes go to `out` back to back. False at
// a character outside the standard base64 alphabet, or when a decoded float32 is NaN or infinite
// (out then holds garbage). A 1000 x 384 add is ~2 M characters: ~3 ms in JS, well under 1 ms here.
Napi::Value DecodeBase64Floats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsTypedArray() || !info[1].IsTypedArray() || !info[2].IsTypedArray() ||
      info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array || info[1].As<Napi::TypedArray>().TypedArrayType() != napi_int32_array ||
      info[2].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    Napi::TypeError::New(env, "decodeBase64Floats expects (Uint8Array, Int32Array, Uint8Array)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  auto src = info[0].As<Napi::Uint8Array>();
  auto spans = info[1].As<Napi::Int32Array>();
  auto out = info[2].As<Napi::Uint8Array>();
  static const auto table = [] {
    std::array<uint8_t, 256> t{};
    t.fill(0xff);
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; i++) t[static_cast<uint8_t>(alphabet[i])] = static_cast<uint8_t>(i);
    return t;
  }();
  const uint8_t* in = src.Data();
  const size_t inLength = src.ElementLength();
  uint8_t* o = out.Data();
  uint8_t* const oEnd = o + out.ElementLength();
  const int32_t* span = spans.Data();
  const size_t n = spans.ElementLength() / 2;
  uint8_t bad = 0;
  for (size_t s = 0; s < n; s++) {
    const int64_t from = span[2 * s];
    const int64_t chars = span[2 * s + 1];
    const size_t bytes = static_cast<size_t>(chars / 4) * 3 + (chars % 4 == 0 ? 0 : chars % 4 - 1);
    if (from < 0 || chars < 0 || chars % 4 == 1 || static_cast<size_t>(from + chars) > inLength || bytes > static_cast<size_t>(oEnd - o)) {
      Napi::RangeError::New(env, "decodeBase64Floats: a span outside the source, or more bytes than out holds").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    const uint8_t* p = in + from;
    const uint8_t* const whole = p + (chars & ~int64_t(3));
    for (; p < whole; p += 4, o += 3) {
      const uint8_t a = table[p[0]], b = table[p[1]], c = table[p[2]], d = table[p[3]];
      bad |= a | b | c | d;
      const uint32_t v = (uint32_t(a) << 18) | (uint32_t(b) << 12) | (uint32_t(c) << 6) | d;
      o[0] = uint8_t(v >> 16);
      o[1] = uint8_t(v >> 8);
      o[2] = uint8_t(v);
    }
    const int64_t tail = chars & 3;
    if (tail >= 2) {
      const uint8_t a = table[p[0]], b = table[p[1]], c = tail == 3 ? table[p[2]] : 0;
      bad |= a | b | c;
      const uint32_t v = (uint32_t(a) << 18) | (uint32_t(b) << 12) | (uint32_t(c) << 6);
      *o++ = uint8_t(v >> 16);
      if (tail == 3) *o++ = uint8_t(v >> 8);
    }
  }
  // Every valid value is < 64: a 0xff from the table sets bit 6 or 7.
  if (bad & 0xc0) return Napi::Boolean::New(env, false);
  const uint8_t* const first = out.Data();
  const size_t floats = static_cast<size_t>(o - first) / 4;
  uint32_t nonFinite = 0;
  for (size_t i = 0; i < floats; i++) {
    uint32_t bits;
    std::memcpy(&bits, first + 4 * i, 4);
    nonFinite |= static_cast<uint32_t>((bits & 0x7f800000u) == 0x7f800000u);
  }
  return Napi::Boolean::New(env, nonFinite == 0);
}

// Exact distances from a query to many stored vectors, summed in float64 like the server's JS
// kernels (so rankings of near-equal distances do not depend on float32 rounding): squared l2
// or the dot product, one per slot, into a Float64Array. Vectors are read in place, by slot, in
// the chunks registered with setChunk (the same memory the graphs read).
double SquaredL2(const float* a, const float* b, size_t n) {
  double sum = 0;
#pragma omp simd reduction(+ : sum)
  for (size_t i = 0; i < n; i++) {
    const double d = static_cast<double>(a[i]) - static_cast<double>(b[i]);
    sum += d * d;
  }
  return sum;
}

double Dot(const float* a, const float* b, size_t n) {
  double sum = 0;
#pragma omp simd reduction(+ : sum)
  for (size_t i = 0; i < n; i++) sum += static_cast<double>(a[i]) * static_cast<double>(b[i]);
  return sum;
}

class VectorScan : public Napi::ObjectWrap<VectorScan> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "VectorScan",
                       {
                           InstanceMethod("setChunk", &VectorScan::SetChunk),
                           InstanceMethod("distances", &VectorScan::Distances),
                       });
  }

  // new VectorScan(dim, chunkBits)
  explicit VectorScan(const Napi::CallbackInfo& info) : Napi::ObjectWrap<VectorScan>(info) {
    dim_ = info[0].As<Napi::Number>().Uint32Value();
    vectors_.chunk_bits = info[1].As<Napi::Number>().Uint32Value();
    vectors_.row_bytes = dim_ * sizeof(float);
  }

 private:
  size_t dim_ = 0;
  hnswlib::ExternalVectors vectors_;

  // setChunk(index, rows: Float32Array): as HnswIndex.setChunk (the caller keeps rows alive).
  Napi::Value SetChunk(const Napi::CallbackInfo& info) {
    return RegisterChunk(info, vectors_, dim_);
  }

  // distances(query: Float32Array (dim), slots: Int32Array, kind: 0 = squared l2 | 1 = dot,
  //           out: Float64Array (>= slots.length)); a slot outside the chunks throws.
  Napi::Value Distances(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    auto query = info[0].As<Napi::Float32Array>();
    auto slots = info[1].As<Napi::Int32Array>();
    const uint32_t kind = info[2].As<Napi::Number>().Uint32Value();
    auto out = info[3].As<Napi::Float64Array>();
    const size_t n = slots.ElementLength();
    if (query.ElementLength() < dim_ || out.ElementLength() < n) {
      Napi::RangeError::New(env, "query shorter than dim or out shorter than slots").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    const float* q = query.Data();
    const int32_t* s = slots.Data();
    double* o = out.Data();
    for (size_t i = 0; i < n; i++) {
      const char* row = s[i] < 0 ? nullptr : vectors_.at(static_cast<hnswlib::labeltype>(s[i]));
      if (row == nullptr) {
        Napi::RangeError::New(env, "slot outside the registered chunks").ThrowAsJavaScriptException();
        return env.Undefined();
      }
      const float* v = reinterpret_cast<const float*>(row);
      o[i] = kind == 0 ? SquaredL2(q, v, dim_) : Dot(q, v, dim_);
    }
    return env.Undefined();
  }
};

// glibc keeps memory freed by any thread in that thread's arena instead of returning it to the
// system: after a bulk load (LanceDB's Arrow buffers on its runtime threads, the worker's
// inserts) that is hundreds of MB of RSS doing nothing. malloc_trim walks every arena and hands
// back the free pages: ~300 ms after a 100k x 384 load on a 2-core VM, so it runs on a libuv
// thread, not the event loop (which it blocked for the queries of the first second after
// indexing). Resolves with whether it could trim.
class TrimWorker : public Napi::AsyncWorker {
 public:
  explicit TrimWorker(Napi::Env env) : Napi::AsyncWorker(env, "chromaspec:trimMemory"), deferred_(Napi::Promise::Deferred::New(env)) {}

  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
#if defined(__GLIBC__)
    malloc_trim(0);
    trimmed_ = true;
#endif
  }

  void OnOK() override { deferred_.Resolve(Napi::Boolean::New(Env(), trimmed_)); }

  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  bool trimmed_ = false;
};

Napi::Value TrimMemory(const Napi::CallbackInfo& info) {
  auto* worker = new TrimWorker(info.Env());
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

// Allocations of at least `bytes` get their own mapping, returned to the system when freed.
// glibc's default threshold is dynamic: it climbs (up to 32 MB) as large blocks are freed. A
// fixed threshold (which also turns the dynamic one off) takes effect at once, for every arena.
// Turning the dynamic rule off also freezes the trim threshold at its 128 KiB default, so
// every free at the top of a heap would hand memory back and the next allocation fault it in
// again (a 1000-record add allocates tens of MB of short-lived buffers): the trim threshold is
// set to twice the mmap threshold, as the dynamic rule does.
Napi::Value SetMmapThreshold(const Napi::CallbackInfo& info) {
#if defined(__GLIBC__)
  const int bytes = static_cast<int>(info[0].As<Napi::Number>().Int32Value());
  // glibc refuses a threshold above 32 MiB (64-bit), so twice it fits an int.
  return Napi::Boolean::New(info.Env(), bytes > 0 && mallopt(M_MMAP_THRESHOLD, bytes) == 1 && mallopt(M_TRIM_THRESHOLD, 2 * bytes) == 1);
#else
  return Napi::Boolean::New(info.Env(), false);
#endif
}

// At most `arenas` glibc arenas for threads that have none yet (M_ARENA_MAX; glibc's own limit
// is 8 per core). Each thread that allocates while others hold the arenas gets one of its own,
// and an arena keeps what its thread freed: after a bulk load the server had ~14 arenas of
// 20-200 MB each mapped (LanceDB's runtime threads, libuv's pool, the ANN worker, V8's threads),
// mostly free but resident. Fewer arenas share that free memory instead. Threads that already
// have an arena keep it, so this is called before LanceDB starts its threads.
Napi::Value SetArenaMax(const Napi::CallbackInfo& info) {
#if defined(__GLIBC__)
  const int arenas = static_cast<int>(info[0].As<Napi::Number>().Int32Value());
  return Napi::Boolean::New(info.Env(), arenas > 0 && mallopt(M_ARENA_MAX, arenas) == 1);
#else
  return Napi::Boolean::New(info.Env(), false);
#endif
}

// glibc's arenas as malloc_info reports them: one entry per arena (the main arena first), the
// bytes it has from the system now. Empty elsewhere. Why: whether the arena cap took effect
// (tests) and how much the arenas hold (bench probes) are not visible from /proc, where an
// arena is one or more anonymous mappings among V8's.
Napi::Value MallocArenas(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Array out = Napi::Array::New(env);
#if defined(__GLIBC__)
  char* text = nullptr;
  size_t length = 0;
  FILE* stream = open_memstream(&text, &length);
  if (stream == nullptr) return out;
  const int rc = malloc_info(0, stream);
  std::fclose(stream);
  if (rc == 0 && text != nullptr) {
    // Each arena is a <heap nr="N"> element; its first <system type="current" size="S"/> is its
    // memory from the system. The totals after the last heap are not an arena.
    const std::string xml(text, length);
    uint32_t i = 0;
    for (size_t at = xml.find("<heap nr="); at != std::string::npos; at = xml.find("<heap nr=", at + 1)) {
      const size_t end = xml.find("</heap>", at);
      const size_t sys = xml.find("<system type=\"current\" size=\"", at);
      double bytes = 0;
      if (sys != std::string::npos && (end == std::string::npos || sys < end)) bytes = std::strtod(xml.c_str() + sys + 29, nullptr);
      out.Set(i++, Napi::Number::New(env, bytes));
    }
  }
  std::free(text);
#endif
  return out;
}

// Faults in every whole page of a typed array's memory at once (Linux's MADV_POPULATE_WRITE)
// instead of one page fault per 4 KiB page as it is first written. On this project's VMs a page
// fault costs tens of microseconds: writing 150 MB of fresh memory page by page took ~2.5 s, one
// madvise over it ~0.4 s (100k x 384 floats, what a restart copies into its vector chunks).
// Returns whether the kernel did it (false elsewhere, or before Linux 5.14: pages then fault
// in as they are written, as before).
Napi::Value Populate(const Napi::CallbackInfo& info) {
#if defined(__linux__)
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
  // Data() is where the array starts (its buffer may be a SharedArrayBuffer, which has no ArrayBuffer()).
  const Napi::Float32Array array = info[0].As<Napi::Float32Array>();
  const uintptr_t start = reinterpret_cast<uintptr_t>(array.Data());
  const uintptr_t end = start + array.ByteLength();
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t first = (start + page - 1) & ~(page - 1);
  const uintptr_t last = end & ~(page - 1);
  if (last <= first) return Napi::Boolean::New(info.Env(), false);
  return Napi::Boolean::New(info.Env(), madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE) == 0);
#else
  return Napi::Boolean::New(info.Env(), false);
#endif
}

// Whether the graphs allocated from now on put their large arrays (level 0's links, the int8
// codes) on huge pages (hnswlib/huge-pages.h; on by default). For A/B measurements.
Napi::Value SetHugePages(const Napi::CallbackInfo& info) {
  hnswlib::hugePagesWanted().store(info[0].As<Napi::Boolean>().Value());
  return info.Env().Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("HnswIndex", HnswIndex::Define(env));
  exports.Set("VectorScan", VectorScan::Define(env));
  exports.Set("hash64", Napi::Function::New(env, Hash64, "hash64"));
  exports.Set("decodeBase64Floats", Napi::Function::New(env, DecodeBase64Floats, "decodeBase64Floats"));
  exports.Set("trimMemory", Napi::Function::New(env, TrimMemory, "trimMemory"));
  exports.Set("setMmapThreshold", Napi::Function::New(env, SetMmapThreshold, "setMmapThreshold"));
  exports.Set("setArenaMax", Napi::Function::New(env, SetArenaMax, "setArenaMax"));
  exports.Set("mallocArenas", Napi::Function::New(env, MallocArenas, "mallocArenas"));
  exports.Set("populate", Napi::Function::New(env, Populate, "populate"));
  exports.Set("setHugePages", Napi::Function::New(env, SetHugePages, "setHugePages"));
  return exports;
}

}  // namespace

NODE_API_MODULE(chromaspec_hnsw, Init)
