// GET /loki/api/v1/tail (WebSocket): live tail of a log query, as Grafana's live view and
// `logcli query --tail` use it.
//
// On connect the newest `limit` entries since `start` (default one hour ago) are sent, oldest
// first; then once a second the entries that arrived in (last poll, now - delay_for] are sent.
// A second holding more than `limit` entries sends `limit` of them and reports the rest (up to
// 1000) in dropped_entries, as Loki does for a client that cannot keep up. The tail stops
// when the client closes the connection or the server stops.
#include <atomic>
#include <algorithm>
#include <charconv>
#include <map>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "common/json_writer.h"
#include "query/logql/engine.h"
#include "query/logql/parser.h"
#include "server/api/api.h"
#include "server/api/loki_json.h"
#include "server/api/loki_params.h"
#include "server/api/loki_support.h"
#include "server/api/tenant.h"

namespace weft::server::api {

namespace {

constexpr int64_t kSecond = 1000000000;
constexpr int64_t kMaxDelay = 5 * kSecond;
constexpr uint32_t kMaxDropped = 1000;

struct TailRequest {
  std::shared_ptr<logql::Query> query;
  logql::QueryParams params;  // tenant, limit; times filled per poll
  int64_t delay = 0;
  UnixNanos start = 0;
};

Result<TailRequest> tail_request(const Request& request) {
  auto tenant = request_tenant(request.message);
  if (!tenant.is_ok()) return tenant.status();
  auto parsed = logql::parse_query(param_or_empty(request.params, "query"));
  if (!parsed.is_ok()) return parsed.status();
  if (!parsed->is_log()) return Status::invalid("tail needs a log query, not a metric query");
  TailRequest t;
  t.query = std::make_shared<logql::Query>(std::move(*parsed));
  t.params.tenant = std::move(*tenant);
  t.params.limit = 100;
  std::string limit = param_or_empty(request.params, "limit");
  if (!limit.empty()) {
    auto [p, ec] = std::from_chars(limit.data(), limit.data() + limit.size(), t.params.limit);
    if (ec != std::errc() || p != limit.data() + limit.size() || t.params.limit == 0)
      return Status::invalid("invalid limit \"" + limit + "\"");
  }
  auto delay = loki_duration(request.params, "delay_for");
  if (!delay.is_ok()) return delay.status();
  std::string delay_text = param_or_empty(request.params, "delay_for");
  if (!delay_text.empty() && delay_text.find_first_not_of("0123456789") == std::string::npos)
    *delay = std::stoll(delay_text) * kSecond;  // Loki's delay_for is whole seconds
  t.delay = delay->value_or(0);
  if (t.delay < 0 || t.delay > kMaxDelay) return Status::invalid("delay_for can't be greater than 5");
  auto start = loki_time(request.params, "start", now_unix_nanos() - 3600 * kSecond);
  if (!start.is_ok()) return start.status();
  t.start = *start;
  return t;
}

// One tail connection: polls on a timer on the connection's executor, queries on the query
// runner, sends on the channel.
class Tailer : public std::enable_shared_from_this<Tailer> {
 public:
  Tailer(const ApiContext& context, std::shared_ptr<WebSocketChannel> channel, TailRequest request)
      : context_(context), channel_(channel), timer_(channel->executor()), request_(std::move(request)),
        cursor_(request_.start - 1) {}

  void start() {
    auto self = shared_from_this();
    if (auto ch = channel_.lock()) ch->on_closed([self] { self->stop(); });
    poll(/*first=*/true);
  }

 private:
  void stop() {
    stopped_ = true;
    boost::asio::post(timer_.get_executor(), [self = shared_from_this()] { self->timer_.cancel(); });
  }

  void schedule() {
    if (stopped_) return;
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (!ec && !self->stopped_) self->poll(false);
    });
  }

  void poll(bool first) {
    UnixNanos until = now_unix_nanos() - request_.delay;
    logql::QueryParams p = request_.params;
    p.start = cursor_ + 1;
    p.end = until + 1;
    // The first batch: the newest `limit`; later ones: everything new, oldest first.
    p.direction = first ? logql::Direction::kBackward : logql::Direction::kForward;
    p.limit = first ? request_.params.limit : request_.params.limit + kMaxDropped;
    cursor_ = std::max(cursor_, until);
    if (p.start >= p.end) return schedule();
    logql::EngineLimits limits = engine_limits(context_.limits());
    limits.max_entries = std::max(limits.max_entries, p.limit);
    auto self = shared_from_this();
    run_logql_task(context_, [self, p, limits](const logql::LogSource* source) {
      if (source) {
        logql::QueryControl control(logql::QueryControl::Clock::now() + std::chrono::seconds(10), 256ull << 20);
        auto result = logql::Engine(*source, limits).execute(*self->request_.query, p, control);
        if (result.is_ok()) self->send(std::move(result->streams));
        else if (auto ch = self->channel_.lock()) ch->close(result.status().message());
      }
      boost::asio::post(self->timer_.get_executor(), [self] { self->schedule(); });
    });
  }

  // Sends up to `limit` entries, oldest first; the rest are reported as dropped.
  void send(std::vector<logql::StreamResult> streams) {
    struct Item {
      UnixNanos time;
      const logql::LabelSet* labels;
      const std::string* line;
    };
    std::vector<Item> items;
    for (const auto& s : streams)
      for (const auto& e : s.entries) items.push_back({e.time, &s.labels, &e.line});
    if (items.empty()) return;
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.time < b.time; });
    size_t keep = std::min<size_t>(items.size(), request_.params.limit);
    std::map<logql::LabelSet, std::vector<const Item*>> kept;
    for (size_t i = 0; i < keep; ++i) kept[*items[i].labels].push_back(&items[i]);
    JsonWriter w;
    w.begin_object();
    w.key("streams");
    w.begin_array();
    for (const auto& [labels, entries] : kept) {
      w.begin_object();
      w.key("stream");
      write_label_map(w, labels);
      w.key("values");
      w.begin_array();
      for (const Item* item : entries) {
        w.begin_array();
        w.value(std::to_string(item->time));
        w.value(*item->line);
        w.end_array();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    if (keep < items.size()) {
      w.key("dropped_entries");
      w.begin_array();
      for (size_t i = keep; i < items.size(); ++i) {
        w.begin_object();
        w.key("labels");
        write_label_map(w, *items[i].labels);
        w.key("timestamp");
        w.value(std::to_string(items[i].time));
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
    if (auto ch = channel_.lock()) ch->send(w.take());
  }

  const ApiContext& context_;
  std::weak_ptr<WebSocketChannel> channel_;
  boost::asio::steady_timer timer_;
  TailRequest request_;
  UnixNanos cursor_;  // entries at or before it have been handled; touched on the timer's executor
  std::atomic<bool> stopped_{false};
};

void handle_tail(const ApiContext& context, Request request, std::shared_ptr<WebSocketChannel> channel) {
  auto tail = tail_request(request);
  if (!tail.is_ok()) return channel->close(tail.status().message());
  std::make_shared<Tailer>(context, std::move(channel), std::move(*tail))->start();
}

}  // namespace

void add_loki_tail_routes(Router& router, ApiContext& context) {
  router.add_websocket("/loki/api/v1/tail", [&context](Request request, std::shared_ptr<WebSocketChannel> channel) {
    handle_tail(context, std::move(request), std::move(channel));
  });
  // Without the upgrade, say what the endpoint wants (as Loki's WebSocket upgrader does).
  router.add(http::verb::get, "/loki/api/v1/tail", [](Request, Responder respond) {
    respond(loki_error(Status::invalid("websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header")));
  });
}

}  // namespace weft::server::api
