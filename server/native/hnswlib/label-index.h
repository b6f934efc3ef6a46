#pragma once
// chromaspec: a flat stand-in for hnswlib's label_lookup_ (issue 14 item 6, server RSS at
// 1M x 384): as std::unordered_map<labeltype, tableint> it took ~56 MB at a million elements (a
// heap node per entry plus the bucket array); as a LabelIndex, 4 bytes per label.
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace hnswlib {

// Label -> internal id as a flat array indexed by label. The server's labels are its record
// slots: dense from 0 and never above the slots it has stored, so the array is as long as the
// highest label (4 bytes per slot) where the hash map spent ~56 bytes per element. Callers
// serialize access as they did for the map (label_lookup_lock, or a graph not yet shared).
class LabelIndex {
 public:
    static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

    // The internal id of `label`, or kNone.
    uint32_t find(size_t label) const { return label < ids_.size() ? ids_[label] : kNone; }

    // Throws for a label the array cannot index (its internal ids are 32-bit, as hnswlib's).
    void set(size_t label, uint32_t id) {
        if (label >= kNone) throw std::runtime_error("label too large for the label index");
        if (label >= ids_.size()) {
            // Doubling: labels arrive roughly in order, one resize per doubling.
            size_t size = ids_.empty() ? 1024 : ids_.size();
            while (size <= label) size *= 2;
            ids_.resize(size, kNone);
        }
        ids_[label] = id;
    }

    void erase(size_t label) {
        if (label < ids_.size()) ids_[label] = kNone;
    }

    // Room for labels below `labels` without a later resize.
    void reserve(size_t labels) {
        if (labels > ids_.size()) ids_.resize(labels, kNone);
    }

    void clear() { std::vector<uint32_t>().swap(ids_); }

 private:
    std::vector<uint32_t> ids_;
};

}  // namespace hnswlib
