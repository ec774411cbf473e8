#include "ingest/elastic/elastic_error.h"

#include "common/json_writer.h"

namespace weft::ingest::elastic {

namespace {

void write_cause(JsonWriter& w, const ElasticError& error) {
  w.key("type");
  w.value(error.type);
  w.key("reason");
  w.value(error.reason);
}

}  // namespace

std::string elastic_error_body(const ElasticError& error) {
  JsonWriter w;
  w.begin_object();
  w.key("error");
  w.begin_object();
  w.key("root_cause");
  w.begin_array();
  w.begin_object();
  write_cause(w, error);
  w.end_object();
  w.end_array();
  write_cause(w, error);
  w.end_object();
  w.key("status");
  w.value(error.status);
  w.end_object();
  return w.take();
}

}  // namespace weft::ingest::elastic
