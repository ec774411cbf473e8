#include "storage/engine/view_reads.h"

#include <algorithm>
#include <map>

#include "model/resource.h"
#include "storage/part/block_cursor.h"

namespace weft::storage {

namespace {

UnixNanos floor_of(const ScanOptions& o) {
  return o.dynamic_start ? std::max(o.start, *o.dynamic_start) : o.start;
}

BlockFilter block_filter_of(const ScanOptions& o) {
  BlockFilter f;  // streams: set per part (selected_streams)
  f.min_time = o.start;
  f.max_time = o.end;
  f.tokens = o.tokens;
  if (o.trace_id) f.trace_ids.push_back(*o.trace_id);
  return f;
}

// The parts to read, newest max time first.
std::vector<const LivePart*> parts_to_read(const StoreView& view, std::string_view tenant,
                                           part_format::Signal signal, const ScanOptions& o) {
  auto parts = view.parts_of(tenant, signal, o.start, o.end);
  std::sort(parts.begin(), parts.end(), [](const LivePart* a, const LivePart* b) {
    return a->entry.max_time > b->entry.max_time;
  });
  return parts;
}

UnixNanos time_of(const LogRecord& r) { return r.effective_time(); }
UnixNanos time_of(const Span& s) { return s.start_time_unix_nano; }

Status read_block(BlockCursor& cursor, const ColumnMask& mask, std::vector<LogRecord>* out) {
  return cursor.read_logs(mask, out);
}
Status read_block(BlockCursor& cursor, const ColumnMask& mask, std::vector<Span>* out) {
  return cursor.read_spans(mask, out);
}

// The streams of `part` the scan's stream filter accepts (all when there is none: empty).
// Returns false when the filter accepts none of them: the part holds nothing to read.
bool selected_streams(const LivePart& part, const ScanOptions& o, std::vector<StreamId>* out) {
  out->clear();
  if (!o.stream_filter) return true;
  for (const PartStream& stream : part.reader->streams())
    if (o.stream_filter(stream.labels)) out->push_back(stream.id);
  return !out->empty();
}

// Scans parts; false from fn stops. Returns whether the scan should go on, or an error.
template <typename Row>
Result<bool> scan_parts(const StoreView& view, std::string_view tenant, part_format::Signal signal,
                        const ScanOptions& o, const std::function<bool(const Row&)>& fn) {
  std::vector<Row> rows;
  for (const LivePart* part : parts_to_read(view, tenant, signal, o)) {
    if (part->entry.max_time < floor_of(o)) continue;
    BlockFilter filter = block_filter_of(o);
    if (!selected_streams(*part, o, &filter.streams)) continue;
    BlockCursor cursor(part->reader, std::move(filter));
    for (;;) {
      Result<bool> more = cursor.next();
      if (!more.is_ok()) return more.status();
      if (!*more) break;
      if (cursor.block().max_time < floor_of(o)) continue;
      rows.clear();
      WEFT_RETURN_IF_ERROR(read_block(cursor, o.mask, &rows));
      for (const Row& row : rows) {
        UnixNanos t = time_of(row);
        if (t < o.start || t > o.end) continue;
        if (o.trace_id && row.trace_id != *o.trace_id) continue;
        if (!fn(row)) return false;
      }
    }
  }
  return true;
}

Status scan_all(const StoreView& view, std::string_view tenant, const ScanOptions& o,
                const std::function<bool(const LogRecord&)>& fn) {
  bool go_on = true;
  for (const auto& memtable : view.memtables) {
    if (o.trace_id) {
      for (const LogRecord& r : memtable->logs_by_trace(tenant, *o.trace_id)) {
        UnixNanos t = r.effective_time();
        if (t >= o.start && t <= o.end && !(go_on = fn(r))) return Status::ok();
      }
      continue;
    }
    memtable->scan_logs(tenant, o.start, o.end, [&](const LogRecord& r) { return go_on = fn(r); },
                        o.dynamic_start);
    if (!go_on) return Status::ok();
  }
  Result<bool> parts = scan_parts<LogRecord>(view, tenant, part_format::Signal::kLogs, o, fn);
  return parts.status();
}

Status scan_all(const StoreView& view, std::string_view tenant, const ScanOptions& o,
                const std::function<bool(const Span&)>& fn) {
  bool go_on = true;
  for (const auto& memtable : view.memtables) {
    if (o.trace_id) {
      for (const Span& s : memtable->spans_by_trace(tenant, *o.trace_id)) {
        UnixNanos t = s.start_time_unix_nano;
        if (t >= o.start && t <= o.end && !(go_on = fn(s))) return Status::ok();
      }
      continue;
    }
    memtable->scan_spans(tenant, o.start, o.end, [&](const Span& s) { return go_on = fn(s); });
    if (!go_on) return Status::ok();
  }
  Result<bool> parts = scan_parts<Span>(view, tenant, part_format::Signal::kSpans, o, fn);
  return parts.status();
}

// Scans with the view's delete requests applied: covered rows are skipped, and the columns the
// requests test are decoded.
template <typename Row>
Status scan_without_deleted(const StoreView& view, std::string_view tenant, const ScanOptions& o,
                            const std::function<bool(const Row&)>& fn) {
  constexpr auto signal =
      std::is_same_v<Row, LogRecord> ? part_format::Signal::kLogs : part_format::Signal::kSpans;
  if (!view.deletes || !view.deletes->any_for(tenant, signal)) return scan_all(view, tenant, o, fn);
  ScanOptions widened = o;
  widened.mask = view.deletes->widen(o.mask, tenant, signal);
  DeleteFilter deleted(*view.deletes, tenant, signal);
  return scan_all(view, tenant, widened, std::function<bool(const Row&)>([&](const Row& row) {
    return deleted.covers(row) || fn(row);
  }));
}

}  // namespace

Status scan_logs(const StoreView& view, std::string_view tenant, const ScanOptions& o,
                 const std::function<bool(const LogRecord&)>& fn) {
  return scan_without_deleted<LogRecord>(view, tenant, o, fn);
}

Status scan_spans(const StoreView& view, std::string_view tenant, const ScanOptions& o,
                  const std::function<bool(const Span&)>& fn) {
  return scan_without_deleted<Span>(view, tenant, o, fn);
}

std::vector<ServiceStats> services(const StoreView& view, std::string_view tenant) {
  std::map<std::string, ServiceStats, std::less<>> by_name;
  auto entry = [&](std::string_view name) -> ServiceStats& {
    auto it = by_name.find(name);
    if (it == by_name.end()) it = by_name.emplace(std::string(name), ServiceStats{std::string(name)}).first;
    return it->second;
  };
  for (const auto& memtable : view.memtables) {
    for (const ServiceStats& s : memtable->services(tenant)) {
      ServiceStats& e = entry(s.name);
      e.records += s.records;
      e.spans += s.spans;
    }
  }
  for (const LivePart& part : view.parts) {
    if (part.entry.tenant != tenant) continue;
    for (const PartStream& stream : part.reader->streams()) {
      std::string_view name = kUnknownService;
      for (const auto& [key, value] : stream.labels)
        if (key == "service.name") name = value;
      ServiceStats& e = entry(name);
      (part.entry.signal == part_format::Signal::kLogs ? e.records : e.spans) += stream.rows;
    }
  }
  std::vector<ServiceStats> out;
  for (auto& [name, stats] : by_name) out.push_back(std::move(stats));
  return out;
}

}  // namespace weft::storage
