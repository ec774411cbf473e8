// The HTTP conventions of weft's Elasticsearch-compatible endpoints: the product header every
// answer carries, media types, the version document of GET /, and how GET / tells an
// Elasticsearch client from a browser.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace weft::ingest::elastic {

// Elasticsearch clients (the official ones since 7.14) refuse a 2xx answer without it.
inline constexpr std::string_view kProductHeader = "X-Elastic-Product";
inline constexpr std::string_view kProductName = "Elasticsearch";

// The version weft announces. An 8.x number: clients and shippers of 8.x and 9.x (which check
// the header above, not the number) and older shippers that read the major version all
// accept it.
inline constexpr std::string_view kAnnouncedVersion = "8.17.0";

// The Content-Type of an answer to a request with this Accept header: the vendor type
// "application/vnd.elasticsearch+json;compatible-with=N" when the request asked for one (as
// the official clients do), otherwise "application/json".
std::string elastic_content_type(std::string_view accept);

// Whether a Content-Type may carry a bulk body: application/x-ndjson, application/json and
// their vendor forms (application/vnd.elasticsearch+x-ndjson; compatible-with=N), parameters
// ignored; a missing Content-Type is taken as NDJSON.
bool is_bulk_content_type(std::string_view content_type);

// Whether GET / (or HEAD /) comes from an Elasticsearch client rather than a browser, which
// will get the web UI at "/": true when the request carries X-Elastic-Client-Meta, accepts the
// vendor type application/vnd.elasticsearch+json, or does not accept text/html (curl sends
// "*/*", shippers send application/json or nothing; browsers list text/html).
bool is_elastic_client_request(std::string_view accept, bool has_client_meta);

// The body of GET /: {"name":..,"cluster_name":"weft","cluster_uuid":..,"version":{..}}.
// `node_name` is the host's name; the cluster uuid is derived from it, so it stays the same
// across restarts.
std::string elastic_root_document(std::string_view node_name);

}  // namespace weft::ingest::elastic
