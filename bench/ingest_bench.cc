// ingest_bench: OTLP/HTTP protobuf log ingest load generator for weft.
//
// Pre-encodes ExportLogsServiceRequest batches (weft::otlp::encode_logs_proto) of realistic
// ~300-byte records, sends them over N keep-alive HTTP/1.1 connections (one thread and one
// synchronous Beast client each) for a duration or a number of batches, flat out or at a fixed
// record rate, and reports records/s, MB/s of protobuf bodies, acknowledgement latency
// percentiles, non-200 answers by status, and the server's peak RSS.
//
//   ingest_bench [--url http://127.0.0.1:4318/v1/logs] [--connections 8] [--duration 10]
//                [--batches N] [--batch-size 1000] [--rate RECORDS_PER_S] [--server-pid PID]
//                [--distinct 64] [--tenant T] [--gzip] [--json]
//
// With --rate, requests are scheduled at fixed times; latency is reported both from the send
// and from the scheduled time (the latter includes any queueing the schedule suffered, so a
// server that stalls cannot hide it: no coordinated omission).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <zlib.h>

#include "model/log_record.h"
#include "model/resource.h"
#include "otlp/otlp_encode.h"

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  std::string port = "4318";
  std::string target = "/v1/logs";
  int connections = 8;
  double duration_s = 10;
  uint64_t batches = 0;  // 0: use duration
  int batch_size = 1000;
  double rate = 0;  // records/s; 0: flat out
  long server_pid = 0;
  int distinct = 64;
  std::string tenant;
  bool gzip = false;
  bool json = false;
};

[[noreturn]] void usage(const char* msg) {
  std::fprintf(stderr,
               "ingest_bench: %s\n"
               "usage: ingest_bench [--url http://127.0.0.1:4318/v1/logs] [--connections 8]\n"
               "         [--duration 10] [--batches N] [--batch-size 1000] [--rate RECORDS_PER_S]\n"
               "         [--server-pid PID] [--distinct 64] [--tenant T] [--gzip] [--json]\n",
               msg);
  std::exit(2);
}

bool parse_url(const std::string& url, Options& o) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) return false;
  std::string rest = url.substr(scheme.size());
  size_t slash = rest.find('/');
  std::string hostport = rest.substr(0, slash);
  o.target = slash == std::string::npos ? "/" : rest.substr(slash);
  size_t colon = hostport.rfind(':');
  if (colon == std::string::npos) {
    o.host = hostport;
    o.port = "80";
  } else {
    o.host = hostport.substr(0, colon);
    o.port = hostport.substr(colon + 1);
  }
  return !o.host.empty() && !o.port.empty();
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value for " + a).c_str());
      return argv[++i];
    };
    try {
      if (a == "--url") {
        if (!parse_url(next(), o)) usage("--url must look like http://host:port/path");
      } else if (a == "--connections") {
        o.connections = std::stoi(next());
      } else if (a == "--duration") {
        o.duration_s = std::stod(next());
      } else if (a == "--batches") {
        o.batches = std::stoull(next());
      } else if (a == "--batch-size") {
        o.batch_size = std::stoi(next());
      } else if (a == "--rate") {
        o.rate = std::stod(next());
      } else if (a == "--server-pid") {
        o.server_pid = std::stol(next());
      } else if (a == "--distinct") {
        o.distinct = std::stoi(next());
      } else if (a == "--tenant") {
        o.tenant = next();
      } else if (a == "--gzip") {
        o.gzip = true;
      } else if (a == "--json") {
        o.json = true;
      } else if (a == "--help" || a == "-h") {
        usage("help");
      } else {
        usage(("unknown flag " + a).c_str());
      }
    } catch (const std::exception&) {
      usage(("bad value for " + a).c_str());
    }
  }
  if (o.connections < 1 || o.connections > 1024) usage("--connections must be 1..1024");
  if (o.batch_size < 1) usage("--batch-size must be >= 1");
  if (o.distinct < 1) usage("--distinct must be >= 1");
  if (o.duration_s <= 0 && o.batches == 0) usage("--duration must be > 0");
  return o;
}

// ----------------------------------------------------------------------------------------------
// Realistic log batches.

std::string gzip_bytes(const std::string& in) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

struct Encoded {
  std::string body;
  size_t records = 0;
};

std::vector<Encoded> make_batches(const Options& o, double* bytes_per_record) {
  static const char* kServices[] = {"checkout", "payment", "inventory", "gateway", "search",
                                    "shipping", "auth", "recommendation"};
  static const char* kRoutes[] = {"/api/v1/orders/{id}", "/api/v1/cart", "/api/v1/users/{id}",
                                  "/api/v1/search", "/healthz", "/api/v1/payments/{id}/capture"};
  static const char* kMethods[] = {"GET", "POST", "PUT", "DELETE"};
  static const char* kRegions[] = {"eu-west-1", "us-east-1", "ap-south-1"};
  std::mt19937_64 rng(20261122);
  auto pick = [&](auto& arr) { return arr[rng() % (sizeof(arr) / sizeof(arr[0]))]; };
  auto num = [&](uint64_t lo, uint64_t hi) { return lo + rng() % (hi - lo + 1); };

  std::vector<Encoded> out;
  size_t total_bytes = 0, total_records = 0;
  const weft::UnixNanos now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
  for (int b = 0; b < o.distinct; b++) {
    const char* svc = kServices[b % 8];
    auto resource = std::make_shared<weft::Resource>();
    resource->attributes = {
        {"service.name", std::string(svc)},
        {"service.version", std::string("1.") + std::to_string(b % 5) + ".3"},
        {"host.name", std::string("ip-10-0-") + std::to_string(b % 16) + "-" + std::to_string(num(2, 250))},
        {"deployment.environment.name", std::string("production")},
        {"k8s.pod.name", std::string(svc) + "-7c9f8d6b5-" + std::to_string(num(10000, 99999))},
    };
    auto scope = std::make_shared<weft::Scope>();
    scope->name = "io.opentelemetry.http";
    scope->version = "2.11.0";

    weft::LogBatch batch;
    batch.records.reserve(o.batch_size);
    for (int i = 0; i < o.batch_size; i++) {
      weft::LogRecord r;
      r.time_unix_nano = now - static_cast<int64_t>(num(0, 5'000'000'000ull));
      r.observed_time_unix_nano = r.time_unix_nano + static_cast<int64_t>(num(1000, 900000));
      uint64_t roll = num(0, 99);
      int status = roll < 85 ? 200 : roll < 93 ? 404 : roll < 98 ? 500 : 503;
      r.severity_number = status >= 500 ? 17 : status >= 400 ? 13 : 9;
      r.severity_text = status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO";
      const char* method = pick(kMethods);
      std::string route = pick(kRoutes);
      std::string path = route;
      if (auto p = path.find("{id}"); p != std::string::npos) path.replace(p, 4, std::to_string(num(1000, 9999999)));
      double ms = static_cast<double>(num(1, 250000)) / 100.0;
      char body[256];
      std::snprintf(body, sizeof body,
                    "%s %s %d %.2fms user=u-%" PRIu64 " region=%s bytes=%" PRIu64 " upstream=10.0.%" PRIu64 ".%" PRIu64 ":8080",
                    method, path.c_str(), status, ms, num(10000, 999999), pick(kRegions),
                    num(120, 48000), num(0, 15), num(2, 250));
      r.body = std::string(body);
      r.attributes = {
          {"http.request.method", std::string(method)},
          {"http.route", route},
          {"http.response.status_code", static_cast<int64_t>(status)},
          {"duration_ms", ms},
          {"user.id", std::string("u-") + std::to_string(num(10000, 999999))},
      };
      r.flags = 1;
      for (auto& byte : r.trace_id.bytes) byte = static_cast<uint8_t>(rng());
      for (auto& byte : r.span_id.bytes) byte = static_cast<uint8_t>(rng());
      r.resource = resource;
      r.scope = scope;
      batch.records.push_back(std::move(r));
    }
    Encoded e;
    e.body = weft::otlp::encode_logs_proto(batch);
    total_bytes += e.body.size();
    total_records += batch.records.size();
    if (o.gzip) e.body = gzip_bytes(e.body);
    e.records = batch.records.size();
    out.push_back(std::move(e));
  }
  *bytes_per_record = static_cast<double>(total_bytes) / static_cast<double>(total_records);
  return out;
}

// ----------------------------------------------------------------------------------------------
// Load.

struct WorkerResult {
  uint64_t records_ok = 0;
  uint64_t bytes_ok = 0;
  uint64_t requests_ok = 0;
  uint64_t connect_errors = 0;
  uint64_t io_errors = 0;
  uint64_t late = 0;  // --rate: sends that started more than 1 ms after their schedule
  std::map<int, uint64_t> statuses;  // non-200
  std::vector<uint32_t> latency_us;           // send -> response
  std::vector<uint32_t> sched_latency_us;     // schedule -> response (--rate only)
};

struct Shared {
  const Options* o;
  const std::vector<Encoded>* batches;
  std::atomic<uint64_t> next_batch{0};
  std::atomic<bool> stop{false};
  Clock::time_point start;
  Clock::time_point deadline;
};

void worker(Shared& sh, int id, WorkerResult& res) {
  const Options& o = *sh.o;
  asio::io_context ioc;
  tcp::resolver resolver(ioc);
  std::unique_ptr<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
  const uint32_t kMaxUs = UINT32_MAX;

  // --rate: this connection sends its share at fixed intervals, offset from the others.
  const double per_conn_rate_batches =
      o.rate > 0 ? o.rate / o.batch_size / o.connections : 0;  // batches per second
  const auto interval = per_conn_rate_batches > 0
                            ? std::chrono::duration<double>(1.0 / per_conn_rate_batches)
                            : std::chrono::duration<double>(0);
  auto scheduled = sh.start + std::chrono::duration_cast<Clock::duration>(interval * id / o.connections);

  http::request<http::string_body> req{http::verb::post, o.target, 11};
  req.set(http::field::host, o.host + ":" + o.port);
  req.set(http::field::content_type, "application/x-protobuf");
  req.set(http::field::user_agent, "weft-ingest-bench");
  if (o.gzip) req.set(http::field::content_encoding, "gzip");
  if (!o.tenant.empty()) req.set("X-Scope-OrgID", o.tenant);
  req.keep_alive(true);

  uint64_t k = static_cast<uint64_t>(id) * 7919;
  while (!sh.stop.load(std::memory_order_relaxed)) {
    if (o.batches) {
      uint64_t n = sh.next_batch.fetch_add(1);
      if (n >= o.batches) break;
    }
    if (o.rate > 0) {
      auto now = Clock::now();
      if (scheduled > sh.deadline) break;
      if (scheduled > now) std::this_thread::sleep_until(scheduled);
      else if (now - scheduled > std::chrono::milliseconds(1)) res.late++;
    } else if (Clock::now() >= sh.deadline && !o.batches) {
      break;
    }
    const Encoded& e = (*sh.batches)[k++ % sh.batches->size()];

    if (!stream) {
      try {
        stream = std::make_unique<beast::tcp_stream>(ioc);
        stream->connect(resolver.resolve(o.host, o.port));
        stream->socket().set_option(tcp::no_delay(true));
      } catch (const std::exception&) {
        res.connect_errors++;
        stream.reset();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (o.rate > 0) scheduled += std::chrono::duration_cast<Clock::duration>(interval);
        continue;
      }
    }
    req.body() = e.body;  // copy: Beast needs ownership; cheap next to the network
    req.prepare_payload();

    auto t0 = Clock::now();
    beast::error_code ec;
    http::write(*stream, req, ec);
    http::response<http::string_body> resp;
    if (!ec) http::read(*stream, buffer, resp, ec);
    auto t1 = Clock::now();
    if (ec) {
      res.io_errors++;
      stream.reset();
      buffer.clear();
    } else {
      int status = static_cast<int>(resp.result_int());
      uint64_t us = std::chrono::duration_cast<std::chrono::microseconds>(t1 - t0).count();
      res.latency_us.push_back(static_cast<uint32_t>(std::min<uint64_t>(us, kMaxUs)));
      if (o.rate > 0) {
        uint64_t sus = std::chrono::duration_cast<std::chrono::microseconds>(t1 - std::min(t0, scheduled)).count();
        res.sched_latency_us.push_back(static_cast<uint32_t>(std::min<uint64_t>(sus, kMaxUs)));
      }
      if (status == 200) {
        res.records_ok += e.records;
        res.bytes_ok += e.body.size();
        res.requests_ok++;
      } else {
        res.statuses[status]++;
        if (status == 429 || status == 503) {
          // Honour back-pressure briefly.
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      }
      if (!resp.keep_alive()) stream.reset();
    }
    if (o.rate > 0) scheduled += std::chrono::duration_cast<Clock::duration>(interval);
  }
  if (stream) {
    beast::error_code ec;
    stream->socket().shutdown(tcp::socket::shutdown_both, ec);
  }
}

double percentile_ms(std::vector<uint32_t>& v, double p) {
  if (v.empty()) return 0;
  size_t idx = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size()))) ;
  if (idx > 0) idx--;
  idx = std::min(idx, v.size() - 1);
  std::nth_element(v.begin(), v.begin() + static_cast<long>(idx), v.end());
  return v[idx] / 1000.0;
}

std::string proc_status_field(long pid, const char* field) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind(field, 0) == 0) {
      size_t p = line.find_first_not_of(" \t", std::strlen(field));
      return p == std::string::npos ? "" : line.substr(p);
    }
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse_args(argc, argv);
  double bytes_per_record = 0;
  std::vector<Encoded> batches = make_batches(o, &bytes_per_record);
  size_t body_total = 0;
  for (auto& b : batches) body_total += b.body.size();
  std::fprintf(stderr,
               "ingest_bench: %d distinct batches of %d records, %.0f protobuf bytes/record, %.1f KiB/request%s\n",
               o.distinct, o.batch_size, bytes_per_record, body_total / 1024.0 / batches.size(),
               o.gzip ? " (gzip)" : "");
  if (o.batches)
    std::fprintf(stderr, "ingest_bench: %d connections to http://%s:%s%s, %" PRIu64 " batches", o.connections,
                 o.host.c_str(), o.port.c_str(), o.target.c_str(), o.batches);
  else
    std::fprintf(stderr, "ingest_bench: %d connections to http://%s:%s%s, %g s", o.connections,
                 o.host.c_str(), o.port.c_str(), o.target.c_str(), o.duration_s);
  if (o.rate > 0)
    std::fprintf(stderr, ", fixed rate %.0f records/s\n", o.rate);
  else
    std::fprintf(stderr, ", flat out\n");

  Shared sh;
  sh.o = &o;
  sh.batches = &batches;
  std::vector<WorkerResult> results(o.connections);
  std::vector<std::thread> threads;
  sh.start = Clock::now();
  sh.deadline = o.batches ? Clock::time_point::max()
                          : sh.start + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(o.duration_s));
  for (int i = 0; i < o.connections; i++) threads.emplace_back(worker, std::ref(sh), i, std::ref(results[i]));
  for (auto& t : threads) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - sh.start).count();

  WorkerResult total;
  for (auto& r : results) {
    total.records_ok += r.records_ok;
    total.bytes_ok += r.bytes_ok;
    total.requests_ok += r.requests_ok;
    total.connect_errors += r.connect_errors;
    total.io_errors += r.io_errors;
    total.late += r.late;
    for (auto& [s, n] : r.statuses) total.statuses[s] += n;
    total.latency_us.insert(total.latency_us.end(), r.latency_us.begin(), r.latency_us.end());
    total.sched_latency_us.insert(total.sched_latency_us.end(), r.sched_latency_us.begin(), r.sched_latency_us.end());
  }
  double rps = total.records_ok / elapsed;
  double mbps = total.bytes_ok / elapsed / 1e6;
  double p50 = percentile_ms(total.latency_us, 0.50), p99 = percentile_ms(total.latency_us, 0.99),
         pmax = percentile_ms(total.latency_us, 1.0);
  double s50 = percentile_ms(total.sched_latency_us, 0.50), s99 = percentile_ms(total.sched_latency_us, 0.99),
         smax = percentile_ms(total.sched_latency_us, 1.0);
  std::string hwm, rss;
  if (o.server_pid > 0) {
    hwm = proc_status_field(o.server_pid, "VmHWM:");
    rss = proc_status_field(o.server_pid, "VmRSS:");
  }

  std::string non200;
  for (auto& [s, n] : total.statuses) non200 += (non200.empty() ? "" : ", ") + std::to_string(s) + ": " + std::to_string(n);
  if (non200.empty()) non200 = "none";

  std::printf("elapsed          %.2f s\n", elapsed);
  std::printf("acked records    %" PRIu64 " (%" PRIu64 " requests)\n", total.records_ok, total.requests_ok);
  std::printf("records/s        %.0f\n", rps);
  std::printf("MB/s (protobuf)  %.2f%s\n", mbps, o.gzip ? " (gzipped bodies)" : "");
  std::printf("ack latency      p50 %.2f ms, p99 %.2f ms, max %.2f ms (send -> response, %zu responses)\n", p50, p99, pmax,
              total.latency_us.size());
  if (o.rate > 0) {
    std::printf("sched latency    p50 %.2f ms, p99 %.2f ms, max %.2f ms (scheduled time -> response; %" PRIu64 " late sends)\n",
                s50, s99, smax, total.late);
  }
  std::printf("non-200          %s\n", non200.c_str());
  std::printf("conn errors      connect %" PRIu64 ", io %" PRIu64 "\n", total.connect_errors, total.io_errors);
  if (o.server_pid > 0) {
    std::printf("server peak RSS  %s (VmHWM; VmRSS now %s)\n", hwm.empty() ? "?" : hwm.c_str(), rss.empty() ? "?" : rss.c_str());
  }
  if (o.json) {
    std::string st = "{";
    for (auto& [s, n] : total.statuses) st += (st.size() > 1 ? "," : "") + std::string("\"") + std::to_string(s) + "\":" + std::to_string(n);
    st += "}";
    std::printf(
        "{\"elapsed_s\":%.3f,\"records\":%" PRIu64 ",\"records_per_s\":%.0f,\"mb_per_s\":%.3f,"
        "\"bytes_per_record\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
        "\"sched_p50_ms\":%.3f,\"sched_p99_ms\":%.3f,\"sched_max_ms\":%.3f,\"non200\":%s,"
        "\"connect_errors\":%" PRIu64 ",\"io_errors\":%" PRIu64 ",\"server_vmhwm\":\"%s\"}\n",
        elapsed, total.records_ok, rps, mbps, bytes_per_record, p50, p99, pmax, s50, s99, smax, st.c_str(),
        total.connect_errors, total.io_errors, hwm.c_str());
  }
  bool failed = total.records_ok == 0 || !total.statuses.empty() || total.io_errors || total.connect_errors;
  return failed ? 1 : 0;
}
