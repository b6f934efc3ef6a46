#pragma once

#include "visited_list_pool.h"
#include "hnswlib.h"
#include "quantized.h"
#include "cosine-norms.h"
#include "link-list-lock.h"
#include "label-index.h"
#include "huge-pages.h"
#include <atomic>
#include <random>
#include <stdlib.h>
#include <assert.h>
#include <unordered_set>
#include <list>
#include <memory>
#include <thread>

namespace hnswlib {
typedef unsigned int tableint;
typedef unsigned int linklistsizeint;

// chromaspec: vectors kept outside the graph, in fixed-size chunks of rows addressed by label
// (the server's slot store), so they are held in memory once. The owner guarantees the chunks
// outlive every use of the graph and that none is added while the graph is in use.
struct ExternalVectors {
    std::vector<const char *> chunks;
    unsigned chunk_bits = 0;
    size_t row_bytes = 0;

    // chromaspec: |v| of each row, a float per row beside each chunk (the server writes a row's
    // norm with its vector), registered with the chunk; null where the caller gave none (the
    // cosine kernel then sums |v| itself). Only cosine graphs read them (cosine-norms.h).
    std::vector<const float *> norms;

    inline const char *at(labeltype label) const {
        const size_t chunk = label >> chunk_bits;
        if (chunk >= chunks.size() || chunks[chunk] == nullptr) return nullptr;
        return chunks[chunk] + (label & ((labeltype(1) << chunk_bits) - 1)) * row_bytes;
    }

    // The address of |v| of row `label`, or null when its chunk came without norms.
    inline const float *normAt(labeltype label) const {
        const size_t chunk = label >> chunk_bits;
        if (chunk >= norms.size() || norms[chunk] == nullptr) return nullptr;
        return norms[chunk] + (label & ((labeltype(1) << chunk_bits) - 1));
    }
};

template<typename dist_t>
class HierarchicalNSW : public AlgorithmInterface<dist_t> {
 public:
    static const tableint MAX_LABEL_OPERATION_LOCKS = 65536;
    static const unsigned char DELETE_MARK = 0x01;
    // chromaspec: the most neighbours searchLayer / searchBaseLayerST take from one link list at
    // once (forEachFreshNeighbour: gathered, their vectors prefetched together, then scored);
    // longer lists (M > 32) go in several batches.
    static constexpr size_t kMaxBatch = 64;

    size_t max_elements_{0};
    mutable std::atomic<size_t> cur_element_count{0};  // current number of elements
    size_t size_data_per_element_{0};
    size_t size_links_per_element_{0};
    mutable std::atomic<size_t> num_deleted_{0};  // number of deleted elements
    size_t M_{0};
    // chromaspec: getNeighborsByHeuristic2 keeps up to this many links, refilling with the
    // candidates its heuristic pruned, nearest first (0: hnswlib's heuristic alone).
    size_t keep_pruned_{0};
    size_t maxM_{0};
    size_t maxM0_{0};
    size_t ef_construction_{0};
    size_t ef_{ 0 };

    double mult_{0.0}, revSize_{0.0};
    int maxlevel_{0};

    std::unique_ptr<VisitedListPool> visited_list_pool_{nullptr};

    // Locks operations with element by label value
    mutable std::vector<std::mutex> label_op_locks_;

    std::mutex global;
    // chromaspec: mutable so that searchLayer (const, shared by inserts and searches) can lock.
    // chromaspec: 4-byte futex locks, not std::mutex (40 bytes each: 40 MB at 1M elements; link-list-lock.h).
    mutable std::vector<LinkListLock> link_list_locks_;

    tableint enterpoint_node_{0};

    size_t size_links_level0_{0};
    size_t offsetData_{0}, offsetLevel0_{0}, label_offset_{ 0 };

    char *data_level0_memory_{nullptr};
    char **linkLists_{nullptr};
    std::vector<int> element_levels_;  // keeps level of each element

    size_t data_size_{0};
    // chromaspec: when set, vectors are read from here and level 0 holds links and labels only;
    // external_data_[internal id] is the vector's address (a dense array: 8 bytes per element,
    // mostly in cache, where reading the label first would be a second cache miss).
    const ExternalVectors *external_{nullptr};
    std::vector<const char *> external_data_;
    // chromaspec: int8 copies of the vectors by internal id (quantized.h), when enabled: searches
    // traverse on them and re-rank their ef best with the exact distance. Inserts keep the float
    // distances. Derived from the floats (written at insert / update, rebuilt after a restore).
    std::unique_ptr<QuantizedVectors> quant_;
    // chromaspec: cosine graphs only: distances with the query's norm computed once per search
    // or insert and the elements' norms read from the server's (cosine-norms.h), not summed in
    // every call.
    std::unique_ptr<CosineQuery> cos_;

    DISTFUNC<dist_t> fstdistfunc_;
    void *dist_func_param_{nullptr};

    mutable std::mutex label_lookup_lock;  // lock for label_lookup_
    // chromaspec: a flat array indexed by label, not an unordered_map (~56 MB at 1M; label-index.h).
    LabelIndex label_lookup_;

    std::default_random_engine level_generator_;
    std::default_random_engine update_probability_generator_;

    mutable std::atomic<long> metric_distance_computations{0};
    mutable std::atomic<long> metric_hops{0};

    bool allow_replace_deleted_ = false;  // flag to replace deleted elements (marked as deleted) during insertions

    std::mutex deleted_elements_lock;  // lock for deleted_elements
    std::unordered_set<tableint> deleted_elements;  // contains internal ids of deleted elements


    HierarchicalNSW(SpaceInterface<dist_t> *s) {
    }


    HierarchicalNSW(
        SpaceInterface<dist_t> *s,
        const std::string &location,
        bool nmslib = false,
        size_t max_elements = 0,
        bool allow_replace_deleted = false)
        : allow_replace_deleted_(allow_replace_deleted) {
        loadIndex(location, s, max_elements);
    }


    HierarchicalNSW(
        SpaceInterface<dist_t> *s,
        size_t max_elements,
        size_t M = 16,
        size_t ef_construction = 200,
        size_t random_seed = 100,
        bool allow_replace_deleted = false,
        const ExternalVectors *external = nullptr)
        : label_op_locks_(MAX_LABEL_OPERATION_LOCKS),
            link_list_locks_(max_elements),
            element_levels_(max_elements),
            allow_replace_deleted_(allow_replace_deleted) {
        max_elements_ = max_elements;
        num_deleted_ = 0;
        data_size_ = s->get_data_size();
        fstdistfunc_ = s->get_dist_func();
        dist_func_param_ = s->get_dist_func_param();
        if ( M <= 10000 ) {
            M_ = M;
        } else {
            HNSWERR << "warning: M parameter exceeds 10000 which may lead to adverse effects." << std::endl;
            HNSWERR << "         Cap to 10000 will be applied for the rest of the processing." << std::endl;
            M_ = 10000;
        }
        maxM_ = M_;
        maxM0_ = M_ * 2;
        ef_construction_ = std::max(ef_construction, M_);
        ef_ = 10;

        level_generator_.seed(random_seed);
        update_probability_generator_.seed(random_seed + 1);

        size_links_level0_ = maxM0_ * sizeof(tableint) + sizeof(linklistsizeint);
        external_ = external;
        if (external_) external_data_.assign(max_elements, nullptr);
        const size_t stored_data_size = external_ ? 0 : data_size_;
        size_data_per_element_ = size_links_level0_ + stored_data_size + sizeof(labeltype);
        offsetData_ = size_links_level0_;
        label_offset_ = size_links_level0_ + stored_data_size;
        offsetLevel0_ = 0;

        // chromaspec: on huge pages where the system gives them (huge-pages.h: a search's visits are TLB misses otherwise)
        data_level0_memory_ = (char *) allocLarge(max_elements_ * size_data_per_element_);
        if (data_level0_memory_ == nullptr)
            throw std::runtime_error("Not enough memory");

        cur_element_count = 0;

        visited_list_pool_ = std::unique_ptr<VisitedListPool>(new VisitedListPool(1, max_elements));

        // initializations for special treatment of the first node
        enterpoint_node_ = -1;
        maxlevel_ = -1;

        linkLists_ = (char **) malloc(sizeof(void *) * max_elements_);
        if (linkLists_ == nullptr)
            throw std::runtime_error("Not enough memory: HierarchicalNSW failed to allocate linklists");
        size_links_per_element_ = maxM_ * sizeof(tableint) + sizeof(linklistsizeint);
        mult_ = 1 / log(1.0 * M_);
        revSize_ = 1.0 / mult_;
    }


    ~HierarchicalNSW() {
        clear();
    }

    void clear() {
        freeLarge(data_level0_memory_);
        data_level0_memory_ = nullptr;
        for (tableint i = 0; i < cur_element_count; i++) {
            if (element_levels_[i] > 0)
                free(linkLists_[i]);
        }
        free(linkLists_);
        linkLists_ = nullptr;
        cur_element_count = 0;
        visited_list_pool_.reset(nullptr);
    }


    struct CompareByFirst {
        constexpr bool operator()(std::pair<dist_t, tableint> const& a,
            std::pair<dist_t, tableint> const& b) const noexcept {
            return a.first < b.first;
        }
    };


    void setEf(size_t ef) {
        ef_ = ef;
    }

    // chromaspec: turns the int8 search copies on (quantized.h), coding the elements there are.
    void enableQuantized(QuantizedVectors::Kind kind, size_t dim) {
        quant_.reset(new QuantizedVectors(kind, dim, max_elements_));
        quantizeAll();
    }

    // chromaspec: a cosine graph's distances through cosine-norms.h (the space's kernel is kept
    // only for elements whose chunk came without norms).
    void enableCosineQuery(size_t dim) { cos_.reset(new CosineQuery(dim)); }

    // chromaspec: (re)codes every element from its float vector, e.g. after a restore: on up to
    // 4 threads (each element's codes are its own), since at 1M x 384 it reads 1.5 GB of floats.
    void quantizeAll() {
        if (!quant_) return;
        const size_t count = cur_element_count;
        const size_t threads = std::max<size_t>(1, std::min<size_t>({4, std::thread::hardware_concurrency(), count / 65536}));
        auto code = [&](size_t from, size_t to) {
            for (size_t i = from; i < to; i++) setDerived(static_cast<tableint>(i), getDataByInternalId(static_cast<tableint>(i)));
        };
        std::vector<std::thread> pool;
        for (size_t t = 1; t < threads; t++) pool.emplace_back(code, count * t / threads, count * (t + 1) / threads);
        code(0, count / threads);
        for (auto &t : pool) t.join();
    }


    inline std::mutex& getLabelOpMutex(labeltype label) const {
        // calculate hash
        size_t lock_id = label & (MAX_LABEL_OPERATION_LOCKS - 1);
        return label_op_locks_[lock_id];
    }


    inline labeltype getExternalLabel(tableint internal_id) const {
        labeltype return_label;
        memcpy(&return_label, (data_level0_memory_ + internal_id * size_data_per_element_ + label_offset_), sizeof(labeltype));
        return return_label;
    }


    inline void setExternalLabel(tableint internal_id, labeltype label) const {
        memcpy((data_level0_memory_ + internal_id * size_data_per_element_ + label_offset_), &label, sizeof(labeltype));
    }


    inline labeltype *getExternalLabeLp(tableint internal_id) const {
        return (labeltype *) (data_level0_memory_ + internal_id * size_data_per_element_ + label_offset_);
    }


    inline char *getDataByInternalId(tableint internal_id) const {
        if (external_) return const_cast<char *>(external_data_[internal_id]);
        return (data_level0_memory_ + internal_id * size_data_per_element_ + offsetData_);
    }

    // chromaspec: what is derived from element `id`'s vector v (its int8 codes).
    inline void setDerived(tableint id, const void *v) {
        if (quant_) quant_->set(id, reinterpret_cast<const float *>(v));
    }

    // chromaspec: every float distance goes through these two. The query side of a search or an
    // insert is `q` with q_norm = queryNorm(q), computed once (|q| for cosine graphs, unused
    // otherwise).
    inline float queryNorm(const void *q) const {
        return cos_ ? cos_->norm(reinterpret_cast<const float *>(q)) : 0.0f;
    }

    inline dist_t distTo(const void *q, float q_norm, tableint id) const {
        if (cos_) return cos_->distance(reinterpret_cast<const float *>(q), q_norm, reinterpret_cast<const float *>(getDataByInternalId(id)), normOf(id));
        return fstdistfunc_(q, getDataByInternalId(id), dist_func_param_);
    }

    // Between two elements: for cosine graphs with norms, one dot product and the two norms the
    // server wrote beside the vectors (read now, so they are the current vectors' lengths).
    inline dist_t distIds(tableint a, tableint b) const {
        if (cos_) {
            const float *na = normOf(a), *nb = normOf(b);
            if (na && nb) return cos_->between(reinterpret_cast<const float *>(getDataByInternalId(a)), *na, reinterpret_cast<const float *>(getDataByInternalId(b)), *nb);
        }
        return fstdistfunc_(getDataByInternalId(a), getDataByInternalId(b), dist_func_param_);
    }

    // The address of element id's |v| in the server's norms (null: none registered).
    inline const float *normOf(tableint id) const {
        return external_ ? external_->normAt(getExternalLabel(id)) : nullptr;
    }

    // chromaspec: prefetches may name an id past the end of a link list (garbage): with external
    // vectors that id is bounds-checked before its label is read.
    inline void prefetchData(tableint internal_id) const {
#ifdef USE_SSE
        if (!external_) {
            _mm_prefetch(data_level0_memory_ + internal_id * size_data_per_element_ + offsetData_, _MM_HINT_T0);
        } else if (internal_id < cur_element_count) {
            const char *p = external_data_[internal_id];
            if (p) _mm_prefetch(p, _MM_HINT_T0);
        }
#endif
    }

    // chromaspec: how searchLayer and searchBaseLayerST read a link list: its unvisited ids
    // (ids[0..size)) are marked visited and gathered, their vectors prefetched all at once, then
    // score(id) runs for each in the list's order, so the memory fetches of a node's neighbours
    // overlap instead of each distance starting with its own miss (the vectors are rows of the
    // server's chunks, not beside the links). The same nodes in the same order as hnswlib's loop,
    // so the same answers. In batches of kMaxBatch (a list holds maxM0_ = 2 M ids).
    template <typename Score>
    inline void forEachFreshNeighbour(const tableint *ids, size_t size, vl_type *visited_array,
                                      vl_type visited_array_tag, bool quantized, Score &&score) const {
#ifdef USE_SSE
        for (size_t j = 0; j < size; j++) _mm_prefetch((char *) (visited_array + ids[j]), _MM_HINT_T0);
#endif
        for (size_t first = 0; first < size; first += kMaxBatch) {
            tableint fresh[kMaxBatch];
            size_t freshCount = 0;
            const size_t last = std::min(size, first + kMaxBatch);
            for (size_t j = first; j < last; j++) {
                const tableint candidate_id = ids[j];
                if (visited_array[candidate_id] == visited_array_tag) continue;
                visited_array[candidate_id] = visited_array_tag;
                fresh[freshCount++] = candidate_id;
            }
#ifdef USE_SSE
            if (quantized) {
                for (size_t j = 0; j < freshCount; j++) quant_->prefetch(fresh[j]);
            } else {
                for (size_t j = 0; j < freshCount; j++) prefetchData(fresh[j]);
            }
#endif
            for (size_t j = 0; j < freshCount; j++) score(fresh[j]);
        }
    }


    int getRandomLevel(double reverse_size) {
        std::uniform_real_distribution<double> distribution(0.0, 1.0);
        double r = -log(distribution(level_generator_)) * reverse_size;
        return (int) r;
    }

    size_t getMaxElements() {
        return max_elements_;
    }

    size_t getCurrentElementCount() {
        return cur_element_count;
    }

    size_t getDeletedCount() {
        return num_deleted_;
    }

    std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst>
    searchBaseLayer(tableint ep_id, const void *data_point, int layer) {
        const dist_t dist = distTo(data_point, queryNorm(data_point), ep_id);
        return searchLayer<true>({{dist, ep_id}}, data_point, layer, ef_construction_);
    }

    // chromaspec: hnswlib's searchBaseLayer made to serve searches too: a beam of width ef over
    // one layer from several entry points (distances known), the ef nearest nodes found.
    // for_insert: the search an insert makes (hnswlib's searchBaseLayer): link lists are read
    // under their locks (inserts run on several threads) and deleted nodes are routes only, not
    // results (the results become the new node's neighbours). Otherwise the upper-layer search of
    // a query (searchKnnEf): no locks (searches never run beside inserts) and deleted nodes stay
    // in the results, which only route the search down, as hnswlib's greedy descent does.
    template <bool for_insert>
    std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst>
    searchLayer(const std::vector<std::pair<dist_t, tableint>>& eps, const void *data_point, int layer, size_t ef,
                const QuantizedVectors::Query *qq = nullptr) const {
        VisitedList *vl = visited_list_pool_->getFreeVisitedList();
        vl_type *visited_array = vl->mass;
        vl_type visited_array_tag = vl->curV;
        const float q_norm = qq ? 0.0f : queryNorm(data_point);

        std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> top_candidates;
        std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> candidateSet;

        for (const auto& ep : eps) {
            if (visited_array[ep.second] == visited_array_tag) continue;
            visited_array[ep.second] = visited_array_tag;
            if (!for_insert || !isMarkedDeleted(ep.second)) top_candidates.emplace(ep.first, ep.second);
            candidateSet.emplace(-ep.first, ep.second);
        }
        while (top_candidates.size() > ef) top_candidates.pop();
        dist_t lowerBound = top_candidates.empty() ? std::numeric_limits<dist_t>::max() : top_candidates.top().first;

        while (!candidateSet.empty()) {
            std::pair<dist_t, tableint> curr_el_pair = candidateSet.top();
            if ((-curr_el_pair.first) > lowerBound && top_candidates.size() == ef) {
                break;
            }
            candidateSet.pop();

            tableint curNodeNum = curr_el_pair.second;

            std::unique_lock <LinkListLock> lock(link_list_locks_[curNodeNum], std::defer_lock);
            if (for_insert) lock.lock();

            int *data;  // = (int *)(linkList0_ + curNodeNum * size_links_per_element0_);
            if (layer == 0) {
                data = (int*)get_linklist0(curNodeNum);
            } else {
                data = (int*)get_linklist(curNodeNum, layer);
//                    data = (int *) (linkLists_[curNodeNum] + (layer - 1) * size_links_per_element_);
            }
            size_t size = getListCount((linklistsizeint*)data);
            tableint *datal = (tableint *) (data + 1);
            // chromaspec: the unvisited neighbours gathered and prefetched (inserts and the
            // upper-layer beam).
            forEachFreshNeighbour(datal, size, visited_array, visited_array_tag, qq != nullptr, [&](const tableint candidate_id) {
                dist_t dist1 = qq ? quant_->distance(*qq, candidate_id) : distTo(data_point, q_norm, candidate_id);
                if (top_candidates.size() < ef || lowerBound > dist1) {
                    candidateSet.emplace(-dist1, candidate_id);
#ifdef USE_SSE
                    if (qq) quant_->prefetch(candidateSet.top().second);
                    else prefetchData(candidateSet.top().second);
#endif

                    if (!for_insert || !isMarkedDeleted(candidate_id))
                        top_candidates.emplace(dist1, candidate_id);

                    if (top_candidates.size() > ef)
                        top_candidates.pop();

                    if (!top_candidates.empty())
                        lowerBound = top_candidates.top().first;
                }
            });
        }
        visited_list_pool_->releaseVisitedList(vl);

        return top_candidates;
    }


    // bare_bone_search means there is no check for deletions and stop condition is ignored in return of extra performance
    template <bool bare_bone_search = true, bool collect_metrics = false>
    std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst>
    searchBaseLayerST(
        tableint ep_id,
        const void *data_point,
        size_t ef,
        BaseFilterFunctor* isIdAllowed = nullptr,
        BaseSearchStopCondition<dist_t>* stop_condition = nullptr,
        const std::vector<std::pair<dist_t, tableint>>* more_eps = nullptr,
        const QuantizedVectors::Query *qq = nullptr) const {
        VisitedList *vl = visited_list_pool_->getFreeVisitedList();
        vl_type *visited_array = vl->mass;
        vl_type visited_array_tag = vl->curV;
        const float q_norm = qq ? 0.0f : queryNorm(data_point);

        std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> top_candidates;
        std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> candidate_set;

        // chromaspec: further entry points (the upper layers' beam, distances known) start the
        // search beside ep_id, as results if allowed and as candidates in every case.
        if (more_eps) {
            for (const auto& e : *more_eps) {
                if (e.second == ep_id || visited_array[e.second] == visited_array_tag) continue;
                visited_array[e.second] = visited_array_tag;
                candidate_set.emplace(-e.first, e.second);
                if (bare_bone_search ||
                    (!isMarkedDeleted(e.second) && ((!isIdAllowed) || (*isIdAllowed)(getExternalLabel(e.second))))) {
                    top_candidates.emplace(e.first, e.second);
                    if (!bare_bone_search && stop_condition) {
                        stop_condition->add_point_to_result(getExternalLabel(e.second), getDataByInternalId(e.second), e.first);
                    }
                }
            }
            while (top_candidates.size() > ef) top_candidates.pop();
        }

        dist_t lowerBound;
        if (bare_bone_search || 
            (!isMarkedDeleted(ep_id) && ((!isIdAllowed) || (*isIdAllowed)(getExternalLabel(ep_id))))) {
            char* ep_data = getDataByInternalId(ep_id);
            dist_t dist = qq ? quant_->distance(*qq, ep_id) : distTo(data_point, q_norm, ep_id);
            top_candidates.emplace(dist, ep_id);
            if (!bare_bone_search && stop_condition) {
                stop_condition->add_point_to_result(getExternalLabel(ep_id), ep_data, dist);
            }
            candidate_set.emplace(-dist, ep_id);
            if (top_candidates.size() > ef) top_candidates.pop();
            lowerBound = top_candidates.top().first;
        } else {
            lowerBound = top_candidates.empty() ? std::numeric_limits<dist_t>::max() : top_candidates.top().first;
            candidate_set.emplace(-std::numeric_limits<dist_t>::max(), ep_id);
        }

        visited_array[ep_id] = visited_array_tag;

        while (!candidate_set.empty()) {
            std::pair<dist_t, tableint> current_node_pair = candidate_set.top();
            dist_t candidate_dist = -current_node_pair.first;

            bool flag_stop_search;
            if (bare_bone_search) {
                flag_stop_search = candidate_dist > lowerBound;
            } else {
                if (stop_condition) {
                    flag_stop_search = stop_condition->should_stop_search(candidate_dist, lowerBound);
                } else {
                    flag_stop_search = candidate_dist > lowerBound && top_candidates.size() == ef;
                }
            }
            if (flag_stop_search) {
                break;
            }
            candidate_set.pop();

            tableint current_node_id = current_node_pair.second;
            int *data = (int *) get_linklist0(current_node_id);
            size_t size = getListCount((linklistsizeint*)data);
//                bool cur_node_deleted = isMarkedDeleted(current_node_id);
            if (collect_metrics) {
                metric_hops++;
                metric_distance_computations+=size;
            }

            // chromaspec: the unvisited neighbours gathered, their vectors prefetched at once,
            // then scored in the list's order (forEachFreshNeighbour).
            forEachFreshNeighbour((tableint *) (data + 1), size, visited_array, visited_array_tag, qq != nullptr, [&](const tableint candidate_id) {
                {
                    // (The float vector's address is read only where it is used: with the int8
                    // copies the search never touches the floats.)
                    dist_t dist = qq ? quant_->distance(*qq, candidate_id) : distTo(data_point, q_norm, candidate_id);

                    bool flag_consider_candidate;
                    if (!bare_bone_search && stop_condition) {
                        flag_consider_candidate = stop_condition->should_consider_candidate(dist, lowerBound);
                    } else {
                        flag_consider_candidate = top_candidates.size() < ef || lowerBound > dist;
                    }

                    if (flag_consider_candidate) {
                        candidate_set.emplace(-dist, candidate_id);
#ifdef USE_SSE
                        _mm_prefetch(data_level0_memory_ + candidate_set.top().second * size_data_per_element_ +
                                        offsetLevel0_,  ///////////
                                        _MM_HINT_T0);  ////////////////////////
#endif

                        if (bare_bone_search || 
                            (!isMarkedDeleted(candidate_id) && ((!isIdAllowed) || (*isIdAllowed)(getExternalLabel(candidate_id))))) {
                            top_candidates.emplace(dist, candidate_id);
                            if (!bare_bone_search && stop_condition) {
                                stop_condition->add_point_to_result(getExternalLabel(candidate_id), getDataByInternalId(candidate_id), dist);
                            }
                        }

                        bool flag_remove_extra = false;
                        if (!bare_bone_search && stop_condition) {
                            flag_remove_extra = stop_condition->should_remove_extra();
                        } else {
                            flag_remove_extra = top_candidates.size() > ef;
                        }
                        while (flag_remove_extra) {
                            tableint id = top_candidates.top().second;
                            top_candidates.pop();
                            if (!bare_bone_search && stop_condition) {
                                stop_condition->remove_point_from_result(getExternalLabel(id), getDataByInternalId(id), dist);
                                flag_remove_extra = stop_condition->should_remove_extra();
                            } else {
                                flag_remove_extra = top_candidates.size() > ef;
                            }
                        }

                        if (!top_candidates.empty())
                            lowerBound = top_candidates.top().first;
                    }
                }
            });
        }

        visited_list_pool_->releaseVisitedList(vl);
        return top_candidates;
    }


    void getNeighborsByHeuristic2(
        std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> &top_candidates,
        const size_t M) {
        if (top_candidates.size() < M) {
            return;
        }

        std::priority_queue<std::pair<dist_t, tableint>> queue_closest;
        std::vector<std::pair<dist_t, tableint>> return_list;
        std::vector<std::pair<dist_t, tableint>> pruned;
        while (top_candidates.size() > 0) {
            queue_closest.emplace(-top_candidates.top().first, top_candidates.top().second);
            top_candidates.pop();
        }

        while (queue_closest.size()) {
            if (return_list.size() >= M)
                break;
            std::pair<dist_t, tableint> curent_pair = queue_closest.top();
            dist_t dist_to_query = -curent_pair.first;
            queue_closest.pop();
            bool good = true;

            for (std::pair<dist_t, tableint> second_pair : return_list) {
                dist_t curdist =
                        distIds(second_pair.second, curent_pair.second);
                if (curdist < dist_to_query) {
                    good = false;
                    break;
                }
            }
            if (good) {
                return_list.push_back(curent_pair);
            } else if (keep_pruned_ > 0) {
                pruned.push_back(curent_pair);
            }
        }
        const size_t fill = std::min(M, keep_pruned_);
        for (size_t i = 0; i < pruned.size() && return_list.size() < fill; i++) return_list.push_back(pruned[i]);

        for (std::pair<dist_t, tableint> curent_pair : return_list) {
            top_candidates.emplace(-curent_pair.first, curent_pair.second);
        }
    }


    linklistsizeint *get_linklist0(tableint internal_id) const {
        return (linklistsizeint *) (data_level0_memory_ + internal_id * size_data_per_element_ + offsetLevel0_);
    }


    linklistsizeint *get_linklist0(tableint internal_id, char *data_level0_memory_) const {
        return (linklistsizeint *) (data_level0_memory_ + internal_id * size_data_per_element_ + offsetLevel0_);
    }


    linklistsizeint *get_linklist(tableint internal_id, int level) const {
        return (linklistsizeint *) (linkLists_[internal_id] + (level - 1) * size_links_per_element_);
    }


    linklistsizeint *get_linklist_at_level(tableint internal_id, int level) const {
        return level == 0 ? get_linklist0(internal_id) : get_linklist(internal_id, level);
    }


    tableint mutuallyConnectNewElement(
        const void *data_point,
        tableint cur_c,
        std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> &top_candidates,
        int level,
        bool isUpdate) {
        size_t Mcurmax = level ? maxM_ : maxM0_;
        getNeighborsByHeuristic2(top_candidates, M_);
        if (top_candidates.size() > M_)
            throw std::runtime_error("Should be not be more than M_ candidates returned by the heuristic");

        std::vector<tableint> selectedNeighbors;
        selectedNeighbors.reserve(M_);
        while (top_candidates.size() > 0) {
            selectedNeighbors.push_back(top_candidates.top().second);
            top_candidates.pop();
        }

        tableint next_closest_entry_point = selectedNeighbors.back();

        {
            // lock only during the update
            // because during the addition the lock for cur_c is already acquired
            std::unique_lock <LinkListLock> lock(link_list_locks_[cur_c], std::defer_lock);
            if (isUpdate) {
                lock.lock();
            }
            linklistsizeint *ll_cur;
            if (level == 0)
                ll_cur = get_linklist0(cur_c);
            else
                ll_cur = get_linklist(cur_c, level);

            if (*ll_cur && !isUpdate) {
                throw std::runtime_error("The newly inserted element should have blank link list");
            }
            setListCount(ll_cur, selectedNeighbors.size());
            tableint *data = (tableint *) (ll_cur + 1);
            for (size_t idx = 0; idx < selectedNeighbors.size(); idx++) {
                if (data[idx] && !isUpdate)
                    throw std::runtime_error("Possible memory corruption");
                if (level > element_levels_[selectedNeighbors[idx]])
                    throw std::runtime_error("Trying to make a link on a non-existent level");

                data[idx] = selectedNeighbors[idx];
            }
        }

        for (size_t idx = 0; idx < selectedNeighbors.size(); idx++) {
            std::unique_lock <LinkListLock> lock(link_list_locks_[selectedNeighbors[idx]]);

            linklistsizeint *ll_other;
            if (level == 0)
                ll_other = get_linklist0(selectedNeighbors[idx]);
            else
                ll_other = get_linklist(selectedNeighbors[idx], level);

            size_t sz_link_list_other = getListCount(ll_other);

            if (sz_link_list_other > Mcurmax)
                throw std::runtime_error("Bad value of sz_link_list_other");
            if (selectedNeighbors[idx] == cur_c)
                throw std::runtime_error("Trying to connect an element to itself");
            if (level > element_levels_[selectedNeighbors[idx]])
                throw std::runtime_error("Trying to make a link on a non-existent level");

            tableint *data = (tableint *) (ll_other + 1);

            bool is_cur_c_present = false;
            if (isUpdate) {
                for (size_t j = 0; j < sz_link_list_other; j++) {
                    if (data[j] == cur_c) {
                        is_cur_c_present = true;
                        break;
                    }
                }
            }

            // If cur_c is already present in the neighboring connections of `selectedNeighbors[idx]` then no need to modify any connections or run the heuristics.
            if (!is_cur_c_present) {
                if (sz_link_list_other < Mcurmax) {
                    data[sz_link_list_other] = cur_c;
                    setListCount(ll_other, sz_link_list_other + 1);
                } else {
                    // finding the "weakest" element to replace it with the new one
                    dist_t d_max = distIds(cur_c, selectedNeighbors[idx]);
                    // Heuristic:
                    std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> candidates;
                    candidates.emplace(d_max, cur_c);

                    for (size_t j = 0; j < sz_link_list_other; j++) {
                        candidates.emplace(
                                distIds(data[j], selectedNeighbors[idx]), data[j]);
                    }

                    getNeighborsByHeuristic2(candidates, Mcurmax);

                    int indx = 0;
                    while (candidates.size() > 0) {
                        data[indx] = candidates.top().second;
                        candidates.pop();
                        indx++;
                    }

                    setListCount(ll_other, indx);
                    // Nearest K:
                    /*int indx = -1;
                    for (int j = 0; j < sz_link_list_other; j++) {
                        dist_t d = fstdistfunc_(getDataByInternalId(data[j]), getDataByInternalId(rez[idx]), dist_func_param_);
                        if (d > d_max) {
                            indx = j;
                            d_max = d;
                        }
                    }
                    if (indx >= 0) {
                        data[indx] = cur_c;
                    } */
                }
            }
        }

        return next_closest_entry_point;
    }


    void resizeIndex(size_t new_max_elements) {
        if (new_max_elements < cur_element_count)
            throw std::runtime_error("Cannot resize, max element is less than the current number of elements");

        visited_list_pool_.reset(new VisitedListPool(1, new_max_elements));

        element_levels_.resize(new_max_elements);
        if (external_) external_data_.resize(new_max_elements, nullptr);
        if (quant_) quant_->resize(new_max_elements);

        std::vector<LinkListLock>(new_max_elements).swap(link_list_locks_);

        // Reallocate base layer
        char * data_level0_memory_new = (char *) reallocLarge(data_level0_memory_, max_elements_ * size_data_per_element_, new_max_elements * size_data_per_element_);
        if (data_level0_memory_new == nullptr)
            throw std::runtime_error("Not enough memory: resizeIndex failed to allocate base layer");
        data_level0_memory_ = data_level0_memory_new;

        // Reallocate all other layers
        char ** linkLists_new = (char **) realloc(linkLists_, sizeof(void *) * new_max_elements);
        if (linkLists_new == nullptr)
            throw std::runtime_error("Not enough memory: resizeIndex failed to allocate other layers");
        linkLists_ = linkLists_new;

        max_elements_ = new_max_elements;
    }

    size_t indexFileSize() const {
        size_t size = 0;
        size += sizeof(offsetLevel0_);
        size += sizeof(max_elements_);
        size += sizeof(cur_element_count);
        size += sizeof(size_data_per_element_);
        size += sizeof(label_offset_);
        size += sizeof(offsetData_);
        size += sizeof(maxlevel_);
        size += sizeof(enterpoint_node_);
        size += sizeof(maxM_);

        size += sizeof(maxM0_);
        size += sizeof(M_);
        size += sizeof(mult_);
        size += sizeof(ef_construction_);

        size += cur_element_count * size_data_per_element_;

        for (size_t i = 0; i < cur_element_count; i++) {
            unsigned int linkListSize = element_levels_[i] > 0 ? size_links_per_element_ * element_levels_[i] : 0;
            size += sizeof(linkListSize);
            size += linkListSize;
        }
        return size;
    }

    void saveIndex(const std::string &location) {
        std::ofstream output(location, std::ios::binary);
        std::streampos position;

        writeBinaryPOD(output, offsetLevel0_);
        writeBinaryPOD(output, max_elements_);
        writeBinaryPOD(output, cur_element_count);
        writeBinaryPOD(output, size_data_per_element_);
        writeBinaryPOD(output, label_offset_);
        writeBinaryPOD(output, offsetData_);
        writeBinaryPOD(output, maxlevel_);
        writeBinaryPOD(output, enterpoint_node_);
        writeBinaryPOD(output, maxM_);

        writeBinaryPOD(output, maxM0_);
        writeBinaryPOD(output, M_);
        writeBinaryPOD(output, mult_);
        writeBinaryPOD(output, ef_construction_);

        output.write(data_level0_memory_, cur_element_count * size_data_per_element_);

        for (size_t i = 0; i < cur_element_count; i++) {
            unsigned int linkListSize = element_levels_[i] > 0 ? size_links_per_element_ * element_levels_[i] : 0;
            writeBinaryPOD(output, linkListSize);
            if (linkListSize)
                output.write(linkLists_[i], linkListSize);
        }
        output.close();
    }


    void loadIndex(const std::string &location, SpaceInterface<dist_t> *s, size_t max_elements_i = 0) {
        std::ifstream input(location, std::ios::binary);

        if (!input.is_open())
            throw std::runtime_error("Cannot open file");

        clear();
        // get file size:
        input.seekg(0, input.end);
        std::streampos total_filesize = input.tellg();
        input.seekg(0, input.beg);

        readBinaryPOD(input, offsetLevel0_);
        readBinaryPOD(input, max_elements_);
        readBinaryPOD(input, cur_element_count);

        size_t max_elements = max_elements_i;
        if (max_elements < cur_element_count)
            max_elements = max_elements_;
        max_elements_ = max_elements;
        readBinaryPOD(input, size_data_per_element_);
        readBinaryPOD(input, label_offset_);
        readBinaryPOD(input, offsetData_);
        readBinaryPOD(input, maxlevel_);
        readBinaryPOD(input, enterpoint_node_);

        readBinaryPOD(input, maxM_);
        readBinaryPOD(input, maxM0_);
        readBinaryPOD(input, M_);
        readBinaryPOD(input, mult_);
        readBinaryPOD(input, ef_construction_);

        data_size_ = s->get_data_size();
        fstdistfunc_ = s->get_dist_func();
        dist_func_param_ = s->get_dist_func_param();

        auto pos = input.tellg();

        /// Optional - check if index is ok:
        input.seekg(cur_element_count * size_data_per_element_, input.cur);
        for (size_t i = 0; i < cur_element_count; i++) {
            if (input.tellg() < 0 || input.tellg() >= total_filesize) {
                throw std::runtime_error("Index seems to be corrupted or unsupported");
            }

            unsigned int linkListSize;
            readBinaryPOD(input, linkListSize);
            if (linkListSize != 0) {
                input.seekg(linkListSize, input.cur);
            }
        }

        // throw exception if it either corrupted or old index
        if (input.tellg() != total_filesize)
            throw std::runtime_error("Index seems to be corrupted or unsupported");

        input.clear();
        /// Optional check end

        input.seekg(pos, input.beg);

        data_level0_memory_ = (char *) allocLarge(max_elements * size_data_per_element_);
        if (data_level0_memory_ == nullptr)
            throw std::runtime_error("Not enough memory: loadIndex failed to allocate level0");
        input.read(data_level0_memory_, cur_element_count * size_data_per_element_);

        size_links_per_element_ = maxM_ * sizeof(tableint) + sizeof(linklistsizeint);

        size_links_level0_ = maxM0_ * sizeof(tableint) + sizeof(linklistsizeint);
        std::vector<LinkListLock>(max_elements).swap(link_list_locks_);
        std::vector<std::mutex>(MAX_LABEL_OPERATION_LOCKS).swap(label_op_locks_);

        visited_list_pool_.reset(new VisitedListPool(1, max_elements));

        linkLists_ = (char **) malloc(sizeof(void *) * max_elements);
        if (linkLists_ == nullptr)
            throw std::runtime_error("Not enough memory: loadIndex failed to allocate linklists");
        element_levels_ = std::vector<int>(max_elements);
        revSize_ = 1.0 / mult_;
        ef_ = 10;
        for (size_t i = 0; i < cur_element_count; i++) {
            label_lookup_.set(getExternalLabel(i), i);
            unsigned int linkListSize;
            readBinaryPOD(input, linkListSize);
            if (linkListSize == 0) {
                element_levels_[i] = 0;
                linkLists_[i] = nullptr;
            } else {
                element_levels_[i] = linkListSize / size_links_per_element_;
                linkLists_[i] = (char *) malloc(linkListSize);
                if (linkLists_[i] == nullptr)
                    throw std::runtime_error("Not enough memory: loadIndex failed to allocate linklist");
                input.read(linkLists_[i], linkListSize);
            }
        }

        for (size_t i = 0; i < cur_element_count; i++) {
            if (isMarkedDeleted(i)) {
                num_deleted_ += 1;
                if (allow_replace_deleted_) deleted_elements.insert(i);
            }
        }

        input.close();

        return;
    }


    template<typename data_t>
    std::vector<data_t> getDataByLabel(labeltype label) const {
        // lock all operations with element by label
        std::unique_lock <std::mutex> lock_label(getLabelOpMutex(label));
        
        std::unique_lock <std::mutex> lock_table(label_lookup_lock);
        const tableint internalId = label_lookup_.find(label);
        if (internalId == LabelIndex::kNone || isMarkedDeleted(internalId)) {
            throw std::runtime_error("Label not found");
        }
        lock_table.unlock();

        char* data_ptrv = getDataByInternalId(internalId);
        size_t dim = *((size_t *) dist_func_param_);
        std::vector<data_t> data;
        data_t* data_ptr = (data_t*) data_ptrv;
        for (size_t i = 0; i < dim; i++) {
            data.push_back(*data_ptr);
            data_ptr += 1;
        }
        return data;
    }


    /*
    * Marks an element with the given label deleted, does NOT really change the current graph.
    */
    void markDelete(labeltype label) {
        // lock all operations with element by label
        std::unique_lock <std::mutex> lock_label(getLabelOpMutex(label));

        std::unique_lock <std::mutex> lock_table(label_lookup_lock);
        const tableint internalId = label_lookup_.find(label);
        if (internalId == LabelIndex::kNone) {
            throw std::runtime_error("Label not found");
        }
        lock_table.unlock();

        markDeletedInternal(internalId);
    }


    /*
    * Uses the last 16 bits of the memory for the linked list size to store the mark,
    * whereas maxM0_ has to be limited to the lower 16 bits, however, still large enough in almost all cases.
    */
    void markDeletedInternal(tableint internalId) {
        assert(internalId < cur_element_count);
        if (!isMarkedDeleted(internalId)) {
            unsigned char *ll_cur = ((unsigned char *)get_linklist0(internalId))+2;
            *ll_cur |= DELETE_MARK;
            num_deleted_ += 1;
            if (allow_replace_deleted_) {
                std::unique_lock <std::mutex> lock_deleted_elements(deleted_elements_lock);
                deleted_elements.insert(internalId);
            }
        } else {
            throw std::runtime_error("The requested to delete element is already deleted");
        }
    }


    /*
    * Removes the deleted mark of the node, does NOT really change the current graph.
    * 
    * Note: the method is not safe to use when replacement of deleted elements is enabled,
    *  because elements marked as deleted can be completely removed by addPoint
    */
    void unmarkDelete(labeltype label) {
        // lock all operations with element by label
        std::unique_lock <std::mutex> lock_label(getLabelOpMutex(label));

        std::unique_lock <std::mutex> lock_table(label_lookup_lock);
        const tableint internalId = label_lookup_.find(label);
        if (internalId == LabelIndex::kNone) {
            throw std::runtime_error("Label not found");
        }
        lock_table.unlock();

        unmarkDeletedInternal(internalId);
    }



    /*
    * Remove the deleted mark of the node.
    */
    void unmarkDeletedInternal(tableint internalId) {
        assert(internalId < cur_element_count);
        if (isMarkedDeleted(internalId)) {
            unsigned char *ll_cur = ((unsigned char *)get_linklist0(internalId)) + 2;
            *ll_cur &= ~DELETE_MARK;
            num_deleted_ -= 1;
            if (allow_replace_deleted_) {
                std::unique_lock <std::mutex> lock_deleted_elements(deleted_elements_lock);
                deleted_elements.erase(internalId);
            }
        } else {
            throw std::runtime_error("The requested to undelete element is not deleted");
        }
    }


    /*
    * Checks the first 16 bits of the memory to see if the element is marked deleted.
    */
    bool isMarkedDeleted(tableint internalId) const {
        unsigned char *ll_cur = ((unsigned char*)get_linklist0(internalId)) + 2;
        return *ll_cur & DELETE_MARK;
    }


    unsigned short int getListCount(linklistsizeint * ptr) const {
        return *((unsigned short int *)ptr);
    }


    void setListCount(linklistsizeint * ptr, unsigned short int size) const {
        *((unsigned short int*)(ptr))=*((unsigned short int *)&size);
    }


    /*
    * Adds point. Updates the point if it is already in the index.
    * If replacement of deleted elements is enabled: replaces previously deleted point if any, updating it with new point
    */
    void addPoint(const void *data_point, labeltype label, bool replace_deleted = false) {
        if ((allow_replace_deleted_ == false) && (replace_deleted == true)) {
            throw std::runtime_error("Replacement of deleted elements is disabled in constructor");
        }

        // lock all operations with element by label
        std::unique_lock <std::mutex> lock_label(getLabelOpMutex(label));
        if (!replace_deleted) {
            addPoint(data_point, label, -1);
            return;
        }
        // check if there is vacant place
        tableint internal_id_replaced;
        std::unique_lock <std::mutex> lock_deleted_elements(deleted_elements_lock);
        bool is_vacant_place = !deleted_elements.empty();
        if (is_vacant_place) {
            internal_id_replaced = *deleted_elements.begin();
            deleted_elements.erase(internal_id_replaced);
        }
        lock_deleted_elements.unlock();

        // if there is no vacant place then add or update point
        // else add point to vacant place
        if (!is_vacant_place) {
            addPoint(data_point, label, -1);
        } else {
            // we assume that there are no concurrent operations on deleted element
            labeltype label_replaced = getExternalLabel(internal_id_replaced);
            setExternalLabel(internal_id_replaced, label);

            std::unique_lock <std::mutex> lock_table(label_lookup_lock);
            label_lookup_.erase(label_replaced);
            label_lookup_.set(label, internal_id_replaced);
            lock_table.unlock();

            unmarkDeletedInternal(internal_id_replaced);
            updatePoint(data_point, internal_id_replaced, 1.0);
        }
    }


    void updatePoint(const void *dataPoint, tableint internalId, float updateNeighborProbability) {
        // update the feature vector associated with existing point with new vector
        if (!external_) memcpy(getDataByInternalId(internalId), dataPoint, data_size_);
        // chromaspec: the int8 copy follows the new vector (searches never run beside updates).
        setDerived(internalId, dataPoint);

        int maxLevelCopy = maxlevel_;
        tableint entryPointCopy = enterpoint_node_;
        // If point to be updated is entry point and graph just contains single element then just return.
        if (entryPointCopy == internalId && cur_element_count == 1)
            return;

        int elemLevel = element_levels_[internalId];
        std::uniform_real_distribution<float> distribution(0.0, 1.0);
        for (int layer = 0; layer <= elemLevel; layer++) {
            std::unordered_set<tableint> sCand;
            std::unordered_set<tableint> sNeigh;
            std::vector<tableint> listOneHop = getConnectionsWithLock(internalId, layer);
            if (listOneHop.size() == 0)
                continue;

            sCand.insert(internalId);

            for (auto&& elOneHop : listOneHop) {
                sCand.insert(elOneHop);

                if (distribution(update_probability_generator_) > updateNeighborProbability)
                    continue;

                sNeigh.insert(elOneHop);

                std::vector<tableint> listTwoHop = getConnectionsWithLock(elOneHop, layer);
                for (auto&& elTwoHop : listTwoHop) {
                    sCand.insert(elTwoHop);
                }
            }

            for (auto&& neigh : sNeigh) {
                // if (neigh == internalId)
                //     continue;

                std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> candidates;
                size_t size = sCand.find(neigh) == sCand.end() ? sCand.size() : sCand.size() - 1;  // sCand guaranteed to have size >= 1
                size_t elementsToKeep = std::min(ef_construction_, size);
                for (auto&& cand : sCand) {
                    if (cand == neigh)
                        continue;

                    dist_t distance = distIds(neigh, cand);
                    if (candidates.size() < elementsToKeep) {
                        candidates.emplace(distance, cand);
                    } else {
                        if (distance < candidates.top().first) {
                            candidates.pop();
                            candidates.emplace(distance, cand);
                        }
                    }
                }

                // Retrieve neighbours using heuristic and set connections.
                getNeighborsByHeuristic2(candidates, layer == 0 ? maxM0_ : maxM_);

                {
                    std::unique_lock <LinkListLock> lock(link_list_locks_[neigh]);
                    linklistsizeint *ll_cur;
                    ll_cur = get_linklist_at_level(neigh, layer);
                    size_t candSize = candidates.size();
                    setListCount(ll_cur, candSize);
                    tableint *data = (tableint *) (ll_cur + 1);
                    for (size_t idx = 0; idx < candSize; idx++) {
                        data[idx] = candidates.top().second;
                        candidates.pop();
                    }
                }
            }
        }

        repairConnectionsForUpdate(dataPoint, entryPointCopy, internalId, elemLevel, maxLevelCopy);
    }


    void repairConnectionsForUpdate(
        const void *dataPoint,
        tableint entryPointInternalId,
        tableint dataPointInternalId,
        int dataPointLevel,
        int maxLevel) {
        tableint currObj = entryPointInternalId;
        const float q_norm = queryNorm(dataPoint);
        if (dataPointLevel < maxLevel) {
            dist_t curdist = distTo(dataPoint, q_norm, currObj);
            for (int level = maxLevel; level > dataPointLevel; level--) {
                bool changed = true;
                while (changed) {
                    changed = false;
                    unsigned int *data;
                    std::unique_lock <LinkListLock> lock(link_list_locks_[currObj]);
                    data = get_linklist_at_level(currObj, level);
                    int size = getListCount(data);
                    tableint *datal = (tableint *) (data + 1);
#ifdef USE_SSE
                    prefetchData(*datal);
#endif
                    for (int i = 0; i < size; i++) {
#ifdef USE_SSE
                        prefetchData(*(datal + i + 1));
#endif
                        tableint cand = datal[i];
                        dist_t d = distTo(dataPoint, q_norm, cand);
                        if (d < curdist) {
                            curdist = d;
                            currObj = cand;
                            changed = true;
                        }
                    }
                }
            }
        }

        if (dataPointLevel > maxLevel)
            throw std::runtime_error("Level of item to be updated cannot be bigger than max level");

        for (int level = dataPointLevel; level >= 0; level--) {
            std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> topCandidates = searchBaseLayer(
                    currObj, dataPoint, level);

            std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> filteredTopCandidates;
            while (topCandidates.size() > 0) {
                if (topCandidates.top().second != dataPointInternalId)
                    filteredTopCandidates.push(topCandidates.top());

                topCandidates.pop();
            }

            // Since element_levels_ is being used to get `dataPointLevel`, there could be cases where `topCandidates` could just contains entry point itself.
            // To prevent self loops, the `topCandidates` is filtered and thus can be empty.
            if (filteredTopCandidates.size() > 0) {
                bool epDeleted = isMarkedDeleted(entryPointInternalId);
                if (epDeleted) {
                    filteredTopCandidates.emplace(distTo(dataPoint, q_norm, entryPointInternalId), entryPointInternalId);
                    if (filteredTopCandidates.size() > ef_construction_)
                        filteredTopCandidates.pop();
                }

                currObj = mutuallyConnectNewElement(dataPoint, dataPointInternalId, filteredTopCandidates, level, true);
            }
        }
    }


    std::vector<tableint> getConnectionsWithLock(tableint internalId, int level) {
        std::unique_lock <LinkListLock> lock(link_list_locks_[internalId]);
        unsigned int *data = get_linklist_at_level(internalId, level);
        int size = getListCount(data);
        std::vector<tableint> result(size);
        tableint *ll = (tableint *) (data + 1);
        memcpy(result.data(), ll, size * sizeof(tableint));
        return result;
    }


    tableint addPoint(const void *data_point, labeltype label, int level) {
        tableint cur_c = 0;
        {
            // Checking if the element with the same label already exists
            // if so, updating it *instead* of creating a new element.
            std::unique_lock <std::mutex> lock_table(label_lookup_lock);
            const tableint existingInternalId = label_lookup_.find(label);
            if (existingInternalId != LabelIndex::kNone) {
                if (allow_replace_deleted_) {
                    if (isMarkedDeleted(existingInternalId)) {
                        throw std::runtime_error("Can't use addPoint to update deleted elements if replacement of deleted elements is enabled.");
                    }
                }
                lock_table.unlock();

                if (isMarkedDeleted(existingInternalId)) {
                    unmarkDeletedInternal(existingInternalId);
                }
                updatePoint(data_point, existingInternalId, 1.0);

                return existingInternalId;
            }

            if (cur_element_count >= max_elements_) {
                throw std::runtime_error("The number of elements exceeds the specified limit");
            }

            cur_c = cur_element_count;
            // chromaspec: before the count grows, so that a label the index refuses (set
            // throws) leaves the graph as it was.
            label_lookup_.set(label, cur_c);
            cur_element_count++;
        }

        std::unique_lock <LinkListLock> lock_el(link_list_locks_[cur_c]);
        int curlevel = getRandomLevel(mult_);
        if (level > 0)
            curlevel = level;

        element_levels_[cur_c] = curlevel;

        std::unique_lock <std::mutex> templock(global);
        int maxlevelcopy = maxlevel_;
        if (curlevel <= maxlevelcopy)
            templock.unlock();
        tableint currObj = enterpoint_node_;
        tableint enterpoint_copy = enterpoint_node_;

        memset(data_level0_memory_ + cur_c * size_data_per_element_ + offsetLevel0_, 0, size_data_per_element_);

        // Initialisation of the data and label
        memcpy(getExternalLabeLp(cur_c), &label, sizeof(labeltype));
        if (external_) external_data_[cur_c] = external_->at(label);
        if (!external_) memcpy(getDataByInternalId(cur_c), data_point, data_size_);
        setDerived(cur_c, data_point);
        const float q_norm = queryNorm(data_point);

        if (curlevel) {
            linkLists_[cur_c] = (char *) malloc(size_links_per_element_ * curlevel + 1);
            if (linkLists_[cur_c] == nullptr)
                throw std::runtime_error("Not enough memory: addPoint failed to allocate linklist");
            memset(linkLists_[cur_c], 0, size_links_per_element_ * curlevel + 1);
        }

        if ((signed)currObj != -1) {
            if (curlevel < maxlevelcopy) {
                dist_t curdist = distTo(data_point, q_norm, currObj);
                for (int level = maxlevelcopy; level > curlevel; level--) {
                    bool changed = true;
                    while (changed) {
                        changed = false;
                        unsigned int *data;
                        std::unique_lock <LinkListLock> lock(link_list_locks_[currObj]);
                        data = get_linklist(currObj, level);
                        int size = getListCount(data);

                        tableint *datal = (tableint *) (data + 1);
                        for (int i = 0; i < size; i++) {
                            tableint cand = datal[i];
                            if (cand < 0 || cand > max_elements_)
                                throw std::runtime_error("cand error");
                            dist_t d = distTo(data_point, q_norm, cand);
                            if (d < curdist) {
                                curdist = d;
                                currObj = cand;
                                changed = true;
                            }
                        }
                    }
                }
            }

            bool epDeleted = isMarkedDeleted(enterpoint_copy);
            for (int level = std::min(curlevel, maxlevelcopy); level >= 0; level--) {
                if (level > maxlevelcopy || level < 0)  // possible?
                    throw std::runtime_error("Level error");

                std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> top_candidates = searchBaseLayer(
                        currObj, data_point, level);
                if (epDeleted) {
                    top_candidates.emplace(distTo(data_point, q_norm, enterpoint_copy), enterpoint_copy);
                    if (top_candidates.size() > ef_construction_)
                        top_candidates.pop();
                }
                currObj = mutuallyConnectNewElement(data_point, cur_c, top_candidates, level, false);
            }
        } else {
            // Do nothing for the first element
            enterpoint_node_ = 0;
            maxlevel_ = curlevel;
        }

        // Releasing lock for the maximum level
        if (curlevel > maxlevelcopy) {
            enterpoint_node_ = cur_c;
            maxlevel_ = curlevel;
        }
        return cur_c;
    }


    std::priority_queue<std::pair<dist_t, labeltype >>
    searchKnn(const void *query_data, size_t k, BaseFilterFunctor* isIdAllowed = nullptr) const {
        return searchKnnEf(query_data, k, isIdAllowed, ef_);
    }


    // chromaspec: searchKnn with ef per call, so searches with different ef can run on several
    // threads at once without writing the shared ef_.
    std::priority_queue<std::pair<dist_t, labeltype >>
    // chromaspec: with the int8 copies enabled (quant_) and `quantized`, every layer is searched on
    // approximate distances, then the `rerank` nearest of level 0's ef (0: all of them) are
    // scored with the exact float distance and the k best of those returned, by exact distance.
    searchKnnEf(const void *query_data, size_t k, BaseFilterFunctor* isIdAllowed, size_t ef, size_t upper_ef = 1,
                bool quantized = true, size_t rerank = 0) const {
        const size_t search_ef = std::max(ef, k);
        std::priority_queue<std::pair<dist_t, labeltype >> result;
        if (cur_element_count == 0) return result;

        QuantizedVectors::Query query_code;
        const QuantizedVectors::Query *qq = nullptr;
        if (quant_ && quantized) {
            quant_->prepare(reinterpret_cast<const float *>(query_data), query_code);
            qq = &query_code;
        }
        const float q_norm = qq ? 0.0f : queryNorm(query_data);
        auto distanceTo = [&](tableint id) -> dist_t {
            return qq ? quant_->distance(*qq, id) : distTo(query_data, q_norm, id);
        };

        tableint currObj = enterpoint_node_;
        dist_t curdist = distanceTo(enterpoint_node_);

        // chromaspec: with upper_ef > 1, hnswlib's greedy descent down to level 1 only, then a beam
        // of that width over level 1 whose nodes all enter level 0; the greedy descent to level 0
        // otherwise. With one greedy path a query on clustered data can enter level 0 in a
        // neighbouring cluster and the level-0 search settles there (docs/performance.md
        // "Design"). Level 1, the last choice before level 0, is where the beam buys that back:
        // a beam over every upper layer found no more (100k subspace and full l2, the reproduction
        // in hnsw-native.test.ts) for about twice the distance computations and CPU time.
        const bool beam = upper_ef > 1 && maxlevel_ > 0;
        for (int level = maxlevel_; level > (beam ? 1 : 0); level--) {
            bool changed = true;
            while (changed) {
                changed = false;
                unsigned int *data;

                data = (unsigned int *) get_linklist(currObj, level);
                int size = getListCount(data);
                metric_hops++;
                metric_distance_computations+=size;

                tableint *datal = (tableint *) (data + 1);
                for (int i = 0; i < size; i++) {
                    tableint cand = datal[i];
                    if (cand < 0 || cand > max_elements_)
                        throw std::runtime_error("cand error");
                    dist_t d = distanceTo(cand);

                    if (d < curdist) {
                        curdist = d;
                        currObj = cand;
                        changed = true;
                    }
                }
            }
        }

        std::vector<std::pair<dist_t, tableint>> upper;
        if (beam) {
            auto found = searchLayer<false>({{curdist, currObj}}, query_data, 1, upper_ef, qq);
            // Nearest first: the nearest is level 0's first entry point.
            upper.resize(found.size());
            for (size_t i = upper.size(); i-- > 0; found.pop()) upper[i] = found.top();
            currObj = upper.front().second;
        }

        std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> top_candidates;
        bool bare_bone_search = !num_deleted_ && !isIdAllowed;
        const std::vector<std::pair<dist_t, tableint>>* more_eps = upper.size() > 1 ? &upper : nullptr;
        if (bare_bone_search) {
            top_candidates = searchBaseLayerST<true>(
                    currObj, query_data, search_ef, isIdAllowed, nullptr, more_eps, qq);
        } else {
            top_candidates = searchBaseLayerST<false>(
                    currObj, query_data, search_ef, isIdAllowed, nullptr, more_eps, qq);
        }

        if (qq) rerankExact(top_candidates, query_data, k, rerank, *qq);

        while (top_candidates.size() > k) {
            top_candidates.pop();
        }
        while (top_candidates.size() > 0) {
            std::pair<dist_t, tableint> rez = top_candidates.top();
            result.push(std::pair<dist_t, labeltype>(rez.first, getExternalLabel(rez.second)));
            top_candidates.pop();
        }
        return result;
    }


    // chromaspec: replaces `top` (approximate distances, farthest on top) by the k nearest of its
    // `pool` nearest (0: all) by the exact float distance. The float vectors are fetched a few
    // ahead of their use: each is several cache lines, read once.
    // Once k are kept, an element whose approximate distance minus its error bound
    // (QuantizedVectors::errorBound) is beyond the k-th exact distance so far is not scored: its
    // exact distance is too, so scoring it would not have kept it, and the answers are the same.
    // On hard data (uniform 384-d cosine) that skips ~half of the float rows, each a run of
    // cache misses on 4 KiB pages (the server's slot store).
    void rerankExact(std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> &top,
                     const void *query_data, size_t k, size_t pool, const QuantizedVectors::Query &qq) const {
        std::vector<std::pair<dist_t, tableint>> cands(top.size());
        for (size_t i = cands.size(); i-- > 0; top.pop()) cands[i] = top.top();  // nearest first
        if (pool > 0 && cands.size() > std::max(pool, k)) cands.resize(std::max(pool, k));
        std::vector<dist_t> lower(cands.size());
        for (size_t i = 0; i < cands.size(); i++) lower[i] = cands[i].first - quant_->errorBound(qq, cands[i].second);
        // Whether element i cannot enter the k kept so far (the k-th exact distance only falls,
        // so one that cannot now never can).
        auto beyond = [&](size_t i) { return top.size() >= k && lower[i] > top.top().first; };
        constexpr size_t kAhead = 4;
        auto fetch = [&](size_t i) {
#ifdef USE_SSE
            if (beyond(i)) return;
            const char *p = getDataByInternalId(cands[i].second);
            for (size_t off = 0; off < data_size_; off += 64) _mm_prefetch(p + off, _MM_HINT_T0);
#endif
        };
        for (size_t i = 0; i < std::min(kAhead, cands.size()); i++) fetch(i);
        const float q_norm = queryNorm(query_data);
        for (size_t i = 0; i < cands.size(); i++) {
            if (i + kAhead < cands.size()) fetch(i + kAhead);
            if (beyond(i)) continue;
            const tableint id = cands[i].second;
            const dist_t d = distTo(query_data, q_norm, id);
            if (top.size() < k) {
                top.emplace(d, id);
            } else if (d < top.top().first) {
                top.pop();
                top.emplace(d, id);
            }
        }
    }


    std::vector<std::pair<dist_t, labeltype >>
    searchStopConditionClosest(
        const void *query_data,
        BaseSearchStopCondition<dist_t>& stop_condition,
        BaseFilterFunctor* isIdAllowed = nullptr) const {
        std::vector<std::pair<dist_t, labeltype >> result;
        if (cur_element_count == 0) return result;

        tableint currObj = enterpoint_node_;
        const float q_norm = queryNorm(query_data);
        dist_t curdist = distTo(query_data, q_norm, enterpoint_node_);

        for (int level = maxlevel_; level > 0; level--) {
            bool changed = true;
            while (changed) {
                changed = false;
                unsigned int *data;

                data = (unsigned int *) get_linklist(currObj, level);
                int size = getListCount(data);
                metric_hops++;
                metric_distance_computations+=size;

                tableint *datal = (tableint *) (data + 1);
                for (int i = 0; i < size; i++) {
                    tableint cand = datal[i];
                    if (cand < 0 || cand > max_elements_)
                        throw std::runtime_error("cand error");
                    dist_t d = distTo(query_data, q_norm, cand);

                    if (d < curdist) {
                        curdist = d;
                        currObj = cand;
                        changed = true;
                    }
                }
            }
        }

        std::priority_queue<std::pair<dist_t, tableint>, std::vector<std::pair<dist_t, tableint>>, CompareByFirst> top_candidates;
        top_candidates = searchBaseLayerST<false>(currObj, query_data, 0, isIdAllowed, &stop_condition);

        size_t sz = top_candidates.size();
        result.resize(sz);
        while (!top_candidates.empty()) {
            result[--sz] = top_candidates.top();
            top_candidates.pop();
        }

        stop_condition.filter_results(result);

        return result;
    }


    void checkIntegrity() {
        int connections_checked = 0;
        std::vector <int > inbound_connections_num(cur_element_count, 0);
        for (int i = 0; i < cur_element_count; i++) {
            for (int l = 0; l <= element_levels_[i]; l++) {
                linklistsizeint *ll_cur = get_linklist_at_level(i, l);
                int size = getListCount(ll_cur);
                tableint *data = (tableint *) (ll_cur + 1);
                std::unordered_set<tableint> s;
                for (int j = 0; j < size; j++) {
                    assert(data[j] < cur_element_count);
                    assert(data[j] != i);
                    inbound_connections_num[data[j]]++;
                    s.insert(data[j]);
                    connections_checked++;
                }
                assert(s.size() == size);
            }
        }
        if (cur_element_count > 1) {
            int min1 = inbound_connections_num[0], max1 = inbound_connections_num[0];
            for (int i=0; i < cur_element_count; i++) {
                assert(inbound_connections_num[i] > 0);
                min1 = std::min(inbound_connections_num[i], min1);
                max1 = std::max(inbound_connections_num[i], max1);
            }
            std::cout << "Min inbound: " << min1 << ", Max inbound:" << max1 << "\n";
        }
        std::cout << "integrity ok, checked " << connections_checked << " connections\n";
    }
};
}  // namespace hnswlib
