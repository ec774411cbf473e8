// TestServer: a real weft Server for tests of the server's clients (demo, loadgen): listens on
// 127.0.0.1 with free ports (the native API and OTLP/HTTP on one, OTLP/gRPC, syslog and JSON
// lines on others), keeps its data in a fresh temporary directory, stops and removes it on
// destruction. Header-only; tests only.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "server/server.h"

namespace weft::server::testing {

class TestServer {
 public:
  // `name` makes the data directory's name unique to the test binary; `configure` may change
  // the options before the server is made.
  explicit TestServer(std::string_view name,
                      const std::function<void(ServerOptions&)>& configure = {})
      : dir_(std::filesystem::temp_directory_path() /
             (std::string(name) + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.otlp_http_listen = "";
    options.otlp_grpc_listen = "127.0.0.1:0";
    options.syslog_listen = "127.0.0.1:0";
    options.jsonlines_listen = "127.0.0.1:0";
    options.store.data_dir = dir_;
    options.store.fsync = false;
    options.http_threads = 2;
    if (configure) configure(options);
    server_ = std::make_unique<Server>(options);
  }
  ~TestServer() {
    server_->stop();
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Binds, replays the (empty) WAL and waits until ready.
  Status start() {
    WEFT_RETURN_IF_ERROR(server_->start());
    WEFT_RETURN_IF_ERROR(server_->wait_ready());
    address_ = server_->bound_addresses().at(0);
    grpc_address_ = server_->otlp_grpc_address();
    return Status::ok();
  }

  Server& server() { return *server_; }
  const std::string& address() const { return address_; }  // "127.0.0.1:port"
  const std::string& grpc_address() const { return grpc_address_; }  // OTLP/gRPC
  // "syslog/tcp", "syslog/udp", "jsonlines/tcp" -> "127.0.0.1:port".
  std::string stream_address(std::string_view door) const { return server_->stream_address(door); }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Server> server_;
  std::string address_;
  std::string grpc_address_;
};

}  // namespace weft::server::testing
