// Helpers for the tests of the Store's admin operations (delete requests, backup, restore).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <string>
#include <vector>

#include "storage/engine/view_reads.h"
#include "storage/store.h"
#include "storage/store_test_util.h"
#include "storage/wal/wal_test_util.h"

namespace weft::storage::testing {

// Options for a store in `dir`/data whose maintenance only runs when asked and keeps data
// forever (test times are in 1970).
inline StoreOptions admin_options(const std::filesystem::path& dir) {
  StoreOptions o;
  o.data_dir = dir / "data";
  o.maintenance_interval = std::chrono::hours(1);
  o.flush_interval = std::chrono::hours(1);
  o.retention.retention = std::chrono::seconds(0);
  return o;
}

inline std::unique_ptr<Store> open_or_fail(const StoreOptions& o) {
  auto s = Store::open(o);
  EXPECT_TRUE(s.is_ok()) << s.status().to_string();
  return s.is_ok() ? std::move(s).value() : nullptr;
}

inline Status append_logs_and_wait(Store& store, LogBatch batch) {
  std::promise<Status> p;
  store.append_logs(std::move(batch), [&p](Status s) { p.set_value(std::move(s)); });
  return p.get_future().get();
}

inline Status append_spans_and_wait(Store& store, SpanBatch batch) {
  std::promise<Status> p;
  store.append_spans(std::move(batch), [&p](Status s) { p.set_value(std::move(s)); });
  return p.get_future().get();
}

// A batch like test_logs, from service `service`, bodies "<prefix> <i>".
inline LogBatch service_logs(const std::string& tenant, const std::string& service,
                             const std::string& prefix, int n, UnixNanos t0) {
  LogBatch batch = test_logs(tenant, n, t0);
  auto res = std::make_shared<Resource>();
  res->attributes.push_back({"service.name", service});
  for (int i = 0; i < n; ++i) {
    batch.records[i].resource = res;
    batch.records[i].body = prefix + " " + std::to_string(i);
  }
  return batch;
}

// Every log record body of `tenant` the view serves, sorted.
inline std::vector<std::string> served_bodies(const StoreView& view, std::string_view tenant) {
  std::vector<std::string> out;
  Status s = scan_logs(view, tenant, {}, [&](const LogRecord& r) {
    out.push_back(*r.body.as_string());
    return true;
  });
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  std::sort(out.begin(), out.end());
  return out;
}

// The rows the live parts of `tenant` hold (what is physically stored).
inline uint64_t part_rows(const StoreView& view, std::string_view tenant) {
  uint64_t n = 0;
  for (const LivePart& p : view.parts)
    if (p.entry.tenant == tenant) n += p.entry.rows;
  return n;
}

}  // namespace weft::storage::testing
