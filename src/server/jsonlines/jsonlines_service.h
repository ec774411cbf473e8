// JSON lines ingest over TCP: one JSON object per line (LF-terminated), as Logstash's tcp
// input with the json_lines codec takes them (`jsonlines.listen`, default 127.0.0.1:5170), all
// stored under one tenant (`jsonlines.tenant`). Decoding: ingest/jsonlines/jsonlines_decoder.h;
// mapping: docs/ingest.md, "JSON lines". The same decoder serves POST /api/v1/push/jsonlines.
#pragma once

#include <string>

#include "ingest/jsonlines/jsonlines_fields.h"
#include "server/stream/stream_service.h"

namespace weft::server {

// Longer lines are skipped and counted as too_large.
inline constexpr size_t kJsonLinesMaxLineBytes = 1 << 20;

StreamService jsonlines_service(std::string listen, std::string tenant,
                                ingest::JsonLinesFields fields);

}  // namespace weft::server
