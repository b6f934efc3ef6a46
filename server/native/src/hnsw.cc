// chromaspec's HNSW graph: a thin N-API binding over hnswlib (vendored in ../hnswlib, v0.8.0),
// shaped for the vector index rather than as a general-purpose wrapper:
//
// - vectors come in as Float32Array views (no per-element conversion through JS numbers);
// - a batch of new points is inserted by several threads at once (hnswlib's insert is
//   thread-safe), so bulk indexing uses every core the server is not busy with;
// - search filters (allowed bitset, labels with queued changes) are plain memory the C++
//   side reads, not a JS callback per visited node;
// - a graph can be handed from one thread to another in the same process (detach in the
//   worker, adopt on the main thread): no file, no copy.
#include <napi.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "../hnswlib/hnswlib.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

enum class Space { L2, IP, Cosine };

// The space object must outlive the graph that points to it: both live here.
struct Holder {
  Space space;
  size_t dim;
  std::unique_ptr<hnswlib::SpaceInterface<float>> metric;
  std::unique_ptr<hnswlib::HierarchicalNSW<float>> graph;
};

std::unique_ptr<hnswlib::SpaceInterface<float>> makeMetric(Space space, size_t dim) {
  if (space == Space::L2) return std::make_unique<hnswlib::L2Space>(dim);
  return std::make_unique<hnswlib::InnerProductSpace>(dim);
}

// Graphs between detach (one thread) and adopt (another): process-wide, hence the lock.
std::mutex parkedLock;
std::unordered_map<uint32_t, Holder*> parked;
uint32_t nextParked = 1;

// Cosine is inner product over unit vectors; a zero vector stays zero (distance 1 to all).
void normalizeInto(const float* in, float* out, size_t dim) {
  float sum = 0;
  for (size_t i = 0; i < dim; i++) sum += in[i] * in[i];
  const float inv = 1.0f / (std::sqrt(sum) + 1e-30f);
  for (size_t i = 0; i < dim; i++) out[i] = in[i] * inv;
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

class HnswIndex : public Napi::ObjectWrap<HnswIndex> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "HnswIndex",
                       {
                           InstanceMethod("addPoints", &HnswIndex::AddPoints),
                           InstanceMethod("markDelete", &HnswIndex::MarkDelete),
                           InstanceMethod("resize", &HnswIndex::Resize),
                           InstanceMethod("search", &HnswIndex::Search),
                           InstanceMethod("count", &HnswIndex::Count),
                           InstanceMethod("capacity", &HnswIndex::Capacity),
                           InstanceMethod("detach", &HnswIndex::Detach),
                           StaticMethod("release", &HnswIndex::Release),
                       });
  }

  // new HnswIndex(space, dim, capacity, m, efConstruction, seed), or new HnswIndex(handle) to
  // adopt a graph another thread detached.
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
    if (info.Length() < 6) {
      Napi::TypeError::New(env, "expected (space, dim, capacity, m, efConstruction, seed)").ThrowAsJavaScriptException();
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
    try {
      h->metric = makeMetric(h->space, h->dim);
      h->graph = std::make_unique<hnswlib::HierarchicalNSW<float>>(h->metric.get(), capacity, m, efc, seed);
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
      return;
    }
    holder_ = std::move(h);
  }

 private:
  std::unique_ptr<Holder> holder_;

  Holder* live(Napi::Env env) {
    if (!holder_) Napi::Error::New(env, "this graph was detached").ThrowAsJavaScriptException();
    return holder_.get();
  }

  // addPoints(vectors: Float32Array (n * dim), labels: Int32Array (n), threads): inserts (or
  // replaces) n points. Labels must be distinct and the capacity must already suffice.
  Napi::Value AddPoints(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = live(env);
    if (!h) return env.Undefined();
    auto vectors = info[0].As<Napi::Float32Array>();
    auto labels = info[1].As<Napi::Int32Array>();
    const size_t threads = std::max<uint32_t>(1, info[2].As<Napi::Number>().Uint32Value());
    const size_t n = labels.ElementLength();
    const size_t dim = h->dim;
    if (vectors.ElementLength() < n * dim) {
      Napi::RangeError::New(env, "vectors shorter than labels x dim").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    const float* data = vectors.Data();
    const int32_t* ids = labels.Data();
    std::atomic<size_t> next(0);
    std::mutex errorLock;
    std::string error;
    auto work = [&]() {
      std::vector<float> unit(h->space == Space::Cosine ? dim : 0);
      for (;;) {
        const size_t i = next.fetch_add(1);
        if (i >= n) return;
        try {
          const float* v = data + i * dim;
          if (h->space == Space::Cosine) {
            normalizeInto(v, unit.data(), dim);
            v = unit.data();
          }
          h->graph->addPoint(v, static_cast<hnswlib::labeltype>(ids[i]));
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
    Holder* h = live(env);
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
    Holder* h = live(env);
    if (!h) return env.Undefined();
    try {
      h->graph->resizeIndex(info[0].As<Napi::Number>().Uint32Value());
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
    }
    return env.Undefined();
  }

  // search(queries: Float32Array (n * dim), n, k, ef, allowed: Uint8Array | null,
  //        queued: Int32Array | null) -> Int32Array (n * k): labels nearest first, -1 padded.
  Napi::Value Search(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Holder* h = live(env);
    if (!h) return env.Undefined();
    auto queries = info[0].As<Napi::Float32Array>();
    const size_t n = info[1].As<Napi::Number>().Uint32Value();
    const size_t k = info[2].As<Napi::Number>().Uint32Value();
    const size_t ef = info[3].As<Napi::Number>().Uint32Value();
    const size_t dim = h->dim;
    if (queries.ElementLength() < n * dim) {
      Napi::RangeError::New(env, "queries shorter than n x dim").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    SearchFilter filter;
    bool filtered = false;
    if (info.Length() > 4 && info[4].IsTypedArray()) {
      auto allowed = info[4].As<Napi::Uint8Array>();
      filter.allowed = allowed.Data();
      filter.allowedLength = allowed.ElementLength();
      filtered = true;
    }
    if (info.Length() > 5 && info[5].IsTypedArray()) {
      auto queued = info[5].As<Napi::Int32Array>();
      filter.queued = queued.Data();
      filter.queuedLength = queued.ElementLength();
      filtered = true;
    }
    auto out = Napi::Int32Array::New(env, n * k);
    int32_t* o = out.Data();
    std::fill(o, o + n * k, -1);
    if (k == 0 || h->graph->getCurrentElementCount() == 0) return out;
    std::vector<float> unit(h->space == Space::Cosine ? dim : 0);
    try {
      h->graph->setEf(std::max(ef, k));
      for (size_t q = 0; q < n; q++) {
        const float* v = queries.Data() + q * dim;
        if (h->space == Space::Cosine) {
          normalizeInto(v, unit.data(), dim);
          v = unit.data();
        }
        auto found = h->graph->searchKnn(v, k, filtered ? &filter : nullptr);
        // A max-heap: farthest on top, so it fills from the back.
        size_t j = found.size();
        while (!found.empty()) {
          o[q * k + --j] = static_cast<int32_t>(found.top().second);
          found.pop();
        }
      }
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
      return env.Undefined();
    }
    return out;
  }

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
    Holder* h = live(env);
    if (!h) return env.Undefined();
    std::lock_guard<std::mutex> lock(parkedLock);
    const uint32_t handle = nextParked++;
    parked[handle] = holder_.release();
    return Napi::Number::New(env, handle);
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

// glibc keeps memory freed by any thread in that thread's arena instead of returning it to the
// system: after a bulk load (LanceDB's Arrow buffers on its runtime threads, the worker's
// inserts) that is hundreds of MB of RSS doing nothing. Returns whether it could trim.
Napi::Value TrimMemory(const Napi::CallbackInfo& info) {
#if defined(__GLIBC__)
  malloc_trim(0);
  return Napi::Boolean::New(info.Env(), true);
#else
  return Napi::Boolean::New(info.Env(), false);
#endif
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("HnswIndex", HnswIndex::Define(env));
  exports.Set("trimMemory", Napi::Function::New(env, TrimMemory, "trimMemory"));
  return exports;
}

}  // namespace

NODE_API_MODULE(chromaspec_hnsw, Init)
