// `weft query '<LogQL>'`: runs a LogQL query against a weft (or Loki) over its HTTP API and
// prints the result, like logcli: log lines as text or JSON lines, metric results as tables.
#include <iostream>

#include "app/commands.h"
#include "app/query_output.h"
#include "client/loki_query_client.h"
#include "common/time.h"
#include "query/logql/parser.h"
#include "query/logql/units.h"

namespace weft::app {

namespace {

Result<client::LokiQuery> build_query(const QueryCommandOptions& o, bool metric) {
  client::LokiQuery q;
  q.query = o.query;
  q.limit = o.limit;
  q.forward = o.forward;
  q.instant = o.instant;
  UnixNanos now = now_unix_nanos();
  q.end_ns = now;
  if (!o.to.empty()) {
    auto t = parse_time(o.to);
    if (!t.is_ok()) return Status::invalid("flag --to: " + t.status().message());
    q.end_ns = *t;
  }
  auto since = logql::parse_duration_literal(o.since);
  if (!since.is_ok() || *since <= 0) return Status::invalid("flag --since: expected a duration such as 30m or 1h");
  q.start_ns = q.end_ns - *since;
  if (!o.from.empty()) {
    auto t = parse_time(o.from);
    if (!t.is_ok()) return Status::invalid("flag --from: " + t.status().message());
    q.start_ns = *t;
  }
  if (q.start_ns > q.end_ns) return Status::invalid("--from is after --to");
  if (q.instant && !metric) return Status::invalid("--instant needs a metric query; log queries run over a range");
  if (!o.step.empty()) {
    auto step = logql::parse_duration_literal(o.step);
    if (!step.is_ok() || *step <= 0) return Status::invalid("flag --step: expected a duration such as 1m");
    q.step_ns = *step;
  }
  return q;
}

}  // namespace

int run_query_command(const QueryCommandOptions& o) {
  auto parsed = logql::parse_query(o.query);
  if (!parsed.is_ok()) {
    std::cerr << parsed.status().message() << "\n";
    return 2;
  }
  auto query = build_query(o, !parsed->is_log());
  if (!query.is_ok()) {
    std::cerr << query.status().message() << "\n";
    return 2;
  }
  auto endpoint = client::parse_http_endpoint(o.addr);
  if (!endpoint.is_ok()) {
    std::cerr << "flag --addr: " << endpoint.status().message() << "\n";
    return 2;
  }
  client::LokiQueryClient client(*endpoint, o.tenant);
  auto response = client.run(*query);
  if (!response.is_ok()) {
    std::cerr << "query failed: " << response.status().message() << "\n";
    return 1;
  }
  if (response->status != 200) {
    std::cerr << "query failed (HTTP " << response->status << "): " << response->body << "\n";
    return 1;
  }
  Status printed = print_query_response(response->body, o.output, o.forward, std::cout);
  if (!printed.is_ok()) {
    std::cerr << printed.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace weft::app
