#include "ingest/elastic/ecs_document.h"

#include "ingest/elastic/bulk_request.h"
#include "ingest/elastic/elastic_date.h"
#include "ingest/json/log_document.h"

namespace weft::ingest::elastic {

namespace {

const LogDocumentOptions kEcsOptions{.body = true, .timestamp = &parse_elastic_date};

}  // namespace

Status decode_ecs_document(JsonValue document, const DocumentContext& context,
                           ResourceCache& resources, LogRecord* out) {
  simdjson::dom::object object;
  if (document.get_object().get(object) != simdjson::SUCCESS)
    return Status::invalid("the document must be a JSON object");
  ResourceValues resource;
  LogDocumentMapper mapper(kEcsOptions, out, &resource);
  WEFT_RETURN_IF_ERROR(mapper.map(object));
  out->attributes.push_back(KeyValue{std::string(kIndexAttribute), AnyValue(std::string(context.index))});
  if (!context.id.empty())
    out->attributes.push_back(KeyValue{std::string(kIdAttribute), AnyValue(std::string(context.id))});
  out->observed_time_unix_nano = context.observed_now;
  out->resource = resources.resource(resource);
  out->scope = unnamed_scope();
  return Status::ok();
}

}  // namespace weft::ingest::elastic
