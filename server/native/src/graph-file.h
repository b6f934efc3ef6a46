// A graph (hnswlib's HierarchicalNSW with ExternalVectors: links and labels only, no vectors) as
// bytes and back, so the server can keep it beside its table and load it on restart instead of
// rebuilding it.
//
// Not hnswlib's saveIndex/loadIndex: those go through files (the server stores the bytes in
// LanceDB, which may be an object store), carry no checksum, trust every count and link they
// read (a damaged file can crash the process), and know nothing of external vectors.
//
// Layout (little-endian):
//   Header (below; `checksum` is XXH64 of everything after the header)
//   level 0:        count x size_data_per_element_ bytes (hnswlib's own block: the level-0 link
//                   list, with the deleted mark, then the label)
//   levels:         count x uint32, each element's top level
//   upper links:    for every element with level > 0, level x size_links_per_element_ bytes
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../hnswlib/hnswlib.h"
#include "xxhash64.h"

namespace chromaspec {

constexpr char kGraphMagic[8] = {'C', 'S', 'H', 'N', 'S', 'W', 'G', '1'};
constexpr uint32_t kGraphFormat = 1;

#pragma pack(push, 1)
struct GraphHeader {
  char magic[8];
  uint32_t format;
  uint32_t space;
  uint32_t dim;
  uint32_t m;
  uint32_t max_m0;
  uint32_t ef_construction;
  uint64_t count;
  int32_t max_level;
  uint32_t enterpoint;
  uint64_t level0_bytes;
  uint64_t upper_bytes;
  uint64_t checksum;
};
#pragma pack(pop)

using Graph = hnswlib::HierarchicalNSW<float>;

// The damaged-file error: the caller falls back to rebuilding the graph.
class DamagedGraph : public std::runtime_error {
 public:
  explicit DamagedGraph(const std::string& what) : std::runtime_error("damaged graph file: " + what) {}
};

inline size_t upperBytes(const Graph& g) {
  size_t total = 0;
  for (size_t i = 0; i < g.cur_element_count; i++) {
    if (g.element_levels_[i] > 0) total += g.size_links_per_element_ * static_cast<size_t>(g.element_levels_[i]);
  }
  return total;
}

inline size_t serializedSize(const Graph& g) {
  const size_t count = g.cur_element_count;
  return sizeof(GraphHeader) + count * g.size_data_per_element_ + count * sizeof(uint32_t) + upperBytes(g);
}

// The bytes after the header, in file order, as pieces: sink(data, length) for the level-0 block,
// each element's level (uint32) and each upper link list. The sink returns false to stop early.
template <class Sink>
inline void walkGraphBody(const Graph& g, Sink&& sink) {
  const size_t count = g.cur_element_count;
  if (!sink(reinterpret_cast<const uint8_t*>(g.data_level0_memory_), count * g.size_data_per_element_)) return;
  for (size_t i = 0; i < count; i++) {
    const uint32_t level = static_cast<uint32_t>(g.element_levels_[i]);
    if (!sink(reinterpret_cast<const uint8_t*>(&level), sizeof(level))) return;
  }
  for (size_t i = 0; i < count; i++) {
    if (g.element_levels_[i] <= 0) continue;
    if (!sink(reinterpret_cast<const uint8_t*>(g.linkLists_[i]), g.size_links_per_element_ * static_cast<size_t>(g.element_levels_[i]))) return;
  }
}

// Writes bytes [offset, offset + length) of serializeGraph()'s output into `out`, without the
// whole: a save writes a large graph in pieces through one small buffer instead of holding a
// second copy of it (~150 MB at 1M nodes). The header (whose checksum covers everything after
// it) costs a hashing pass over the graph, so only a range that includes it pays that. The
// graph must not change between the pieces of one save (searches may run). Throws
// std::out_of_range past serializedSize(g).
inline void serializeGraphRange(const Graph& g, uint32_t space, uint32_t dim, size_t offset, uint8_t* out, size_t length) {
  const size_t total = serializedSize(g);
  if (offset > total || length > total - offset) throw std::out_of_range("serialize: the range is outside the graph's bytes");
  const size_t end = offset + length;
  if (offset < sizeof(GraphHeader)) {
    Xxh64Stream hash;
    walkGraphBody(g, [&](const uint8_t* data, size_t n) {
      hash.update(data, n);
      return true;
    });
    GraphHeader h{};
    std::memcpy(h.magic, kGraphMagic, sizeof(kGraphMagic));
    h.format = kGraphFormat;
    h.space = space;
    h.dim = dim;
    h.m = static_cast<uint32_t>(g.maxM_);
    h.max_m0 = static_cast<uint32_t>(g.maxM0_);
    h.ef_construction = static_cast<uint32_t>(g.ef_construction_);
    h.count = g.cur_element_count;
    h.max_level = g.maxlevel_;
    h.enterpoint = g.enterpoint_node_;
    h.level0_bytes = g.cur_element_count * g.size_data_per_element_;
    h.upper_bytes = upperBytes(g);
    h.checksum = hash.digest();
    const size_t n = std::min(end, sizeof(GraphHeader)) - offset;
    std::memcpy(out, reinterpret_cast<const uint8_t*>(&h) + offset, n);
  }
  // `at`: where the next piece of the walk starts in the serialized bytes.
  size_t at = sizeof(GraphHeader);
  walkGraphBody(g, [&](const uint8_t* data, size_t n) {
    const size_t from = std::max(at, offset);
    const size_t to = std::min(at + n, end);
    if (from < to) std::memcpy(out + (from - offset), data + (from - at), to - from);
    at += n;
    return at < end;
  });
}

// Writes the graph into `out` (serializedSize(g) bytes): the whole range. Reads the graph only:
// searches may run meanwhile, changes may not.
inline void serializeGraph(const Graph& g, uint32_t space, uint32_t dim, uint8_t* out) {
  serializeGraphRange(g, space, dim, 0, out, serializedSize(g));
}

// What a file must agree with to be loaded into a graph of these parameters.
struct Expected {
  uint32_t space;
  uint32_t dim;
  uint32_t m;
  uint32_t ef_construction;
};

// Reads and checks the header: any mismatch or impossible size is a DamagedGraph (or, for
// parameters that differ, a plain runtime_error: the file is fine but not for this graph).
inline GraphHeader readHeader(const uint8_t* data, size_t length, const Expected& want) {
  if (length < sizeof(GraphHeader)) throw DamagedGraph("shorter than its header");
  GraphHeader h;
  std::memcpy(&h, data, sizeof(h));
  if (std::memcmp(h.magic, kGraphMagic, sizeof(kGraphMagic)) != 0) throw DamagedGraph("not a graph file");
  if (h.format != kGraphFormat) throw DamagedGraph("format " + std::to_string(h.format) + " is not supported");
  if (h.space != want.space || h.dim != want.dim || h.m != want.m || h.ef_construction != want.ef_construction) {
    throw std::runtime_error("graph file built with other parameters (space, dimension, M or ef_construction)");
  }
  if (h.max_m0 != 2 * h.m) throw DamagedGraph("inconsistent link counts");
  const size_t body = length - sizeof(GraphHeader);
  if (h.count > (uint64_t(1) << 31)) throw DamagedGraph("impossible element count");
  // Division-based checks: no multiplication of file-given numbers can overflow.
  if (h.level0_bytes > body || h.upper_bytes > body || h.level0_bytes + h.upper_bytes > body) throw DamagedGraph("truncated");
  if (body - h.level0_bytes - h.upper_bytes != h.count * sizeof(uint32_t)) throw DamagedGraph("truncated or padded");
  if (xxh64(data + sizeof(GraphHeader), body) != h.checksum) throw DamagedGraph("checksum mismatch");
  return h;
}

// Loads a file into `g`, a graph just constructed (empty) with the same parameters and the
// external vectors every label of the file needs already registered. Everything read is checked
// before hnswlib may follow it: a file that passed the checksum but came from a buggy writer
// must still not crash the process.
inline void restoreGraph(Graph& g, const hnswlib::ExternalVectors& vectors, const uint8_t* data, size_t length, const Expected& want) {
  if (g.cur_element_count != 0) throw std::runtime_error("restoring into a graph that is not empty");
  const GraphHeader h = readHeader(data, length, want);
  const size_t count = static_cast<size_t>(h.count);
  const size_t per_element = g.size_data_per_element_;
  if (h.level0_bytes != count * per_element) throw DamagedGraph("level-0 size does not match its element count");
  // Capacity doubles from the graph's own, as the server grows graphs (hnsw-graph.ts).
  if (count > g.max_elements_) {
    size_t capacity = std::max<size_t>(g.max_elements_, 1);
    while (capacity < count) capacity *= 2;
    g.resizeIndex(capacity);
  }

  const uint8_t* level0 = data + sizeof(GraphHeader);
  const uint8_t* levels = level0 + h.level0_bytes;
  const uint8_t* upper = levels + count * sizeof(uint32_t);
  const uint8_t* const end = data + length;

  // Levels and the entry point first: link checks below need every element's level.
  std::vector<int> element_levels(count);
  for (size_t i = 0; i < count; i++) {
    uint32_t level;
    std::memcpy(&level, levels + i * sizeof(uint32_t), sizeof(level));
    if (level > 64 || static_cast<int32_t>(level) > h.max_level) throw DamagedGraph("element above the top level");
    element_levels[i] = static_cast<int>(level);
  }
  if (count == 0) {
    if (h.max_level != -1) throw DamagedGraph("empty graph with a top level");
  } else if (h.enterpoint >= count || h.max_level < 0 || element_levels[h.enterpoint] != h.max_level) {
    throw DamagedGraph("bad entry point");
  }

  auto checkList = [&](const uint8_t* list, size_t max_links, int level) {
    uint16_t n;
    std::memcpy(&n, list, sizeof(n));
    if (n > max_links) throw DamagedGraph("link list longer than M allows");
    const uint8_t* ids = list + sizeof(hnswlib::linklistsizeint);
    for (size_t j = 0; j < n; j++) {
      hnswlib::tableint id;
      std::memcpy(&id, ids + j * sizeof(id), sizeof(id));
      if (id >= count || element_levels[id] < level) throw DamagedGraph("link to a missing element");
    }
  };

  hnswlib::LabelIndex lookup;
  lookup.reserve(count);
  std::vector<const char*> addresses(count);
  size_t deleted = 0;
  for (size_t i = 0; i < count; i++) {
    const uint8_t* block = level0 + i * per_element;
    // Byte 2 of the level-0 header holds hnswlib's deleted mark, byte 3 is unused.
    if ((block[2] & ~Graph::DELETE_MARK) != 0 || block[3] != 0) throw DamagedGraph("bad element flags");
    if (block[2] & Graph::DELETE_MARK) deleted++;
    checkList(block, g.maxM0_, 0);
    hnswlib::labeltype label;
    std::memcpy(&label, block + g.label_offset_, sizeof(label));
    addresses[i] = vectors.at(label);
    if (addresses[i] == nullptr) throw DamagedGraph("label outside the stored vectors");
    if (lookup.find(label) != hnswlib::LabelIndex::kNone) throw DamagedGraph("label stored twice");
    lookup.set(label, static_cast<hnswlib::tableint>(i));
  }
  const uint8_t* p = upper;
  for (size_t i = 0; i < count; i++) {
    const int level = element_levels[i];
    if (level == 0) continue;
    const size_t bytes = g.size_links_per_element_ * static_cast<size_t>(level);
    if (static_cast<size_t>(end - p) < bytes) throw DamagedGraph("upper links truncated");
    for (int l = 1; l <= level; l++) checkList(p + (l - 1) * g.size_links_per_element_, g.maxM_, l);
    p += bytes;
  }
  if (p != end) throw DamagedGraph("upper links size mismatch");

  // Everything checked: fill the graph. Allocations may still fail (out of memory): the
  // graph is left consistent and empty then, its destructor frees what was taken.
  std::vector<char*> lists(count, nullptr);
  try {
    p = upper;
    for (size_t i = 0; i < count; i++) {
      if (element_levels[i] == 0) continue;
      const size_t bytes = g.size_links_per_element_ * static_cast<size_t>(element_levels[i]);
      lists[i] = static_cast<char*>(std::malloc(bytes + 1));
      if (lists[i] == nullptr) throw std::runtime_error("Not enough memory: loading the graph's links");
      std::memcpy(lists[i], p, bytes);
      p += bytes;
    }
  } catch (...) {
    for (char* l : lists) std::free(l);
    throw;
  }
  std::memcpy(g.data_level0_memory_, level0, h.level0_bytes);
  for (size_t i = 0; i < count; i++) {
    g.element_levels_[i] = element_levels[i];
    g.linkLists_[i] = lists[i];
    g.external_data_[i] = addresses[i];
  }
  g.label_lookup_ = std::move(lookup);
  g.num_deleted_ = deleted;
  g.maxlevel_ = h.max_level;
  g.enterpoint_node_ = count == 0 ? static_cast<hnswlib::tableint>(-1) : h.enterpoint;
  g.cur_element_count = count;
}

}  // namespace chromaspec
