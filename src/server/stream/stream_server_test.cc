// The stream listeners on their own (a StreamServer in front of an IngestGate and a Store):
// batching, backpressure while storage refuses, nothing lost, graceful stop.
#include "server/stream/stream_server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/write.hpp>

#include "common/metrics.h"
#include "server/jsonlines/jsonlines_service.h"
#include "server/syslog/syslog_service.h"
#include "storage/engine/view_reads.h"
#include "storage/store.h"

namespace weft::server {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

std::filesystem::path fresh_dir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("weft-stream-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  return dir;
}

std::pair<std::string, std::string> split(const std::string& host_port) {
  size_t colon = host_port.rfind(':');
  return {host_port.substr(0, colon), host_port.substr(colon + 1)};
}

// Writes `bytes` to a new TCP connection to `host_port`, then closes it.
void send_tcp(const std::string& host_port, std::string_view bytes) {
  net::io_context io;
  tcp::socket socket(io);
  auto [host, port] = split(host_port);
  net::connect(socket, tcp::resolver(io).resolve(host, port));
  net::write(socket, net::buffer(bytes.data(), bytes.size()));
  socket.shutdown(tcp::socket::shutdown_send);
}

uint64_t counter_value(std::string_view name, const std::string& endpoint,
                       std::string_view reason = {}) {
  MetricLabels labels{{"endpoint", endpoint}};
  if (!reason.empty()) labels.push_back({"reason", std::string(reason)});
  return MetricsRegistry::global().counter(name, "", labels).value();
}

class StreamServerTest : public ::testing::Test {
 protected:
  StreamServerTest() : dir_(fresh_dir()) {}
  ~StreamServerTest() override {
    if (streams_) streams_->stop(5s);
    if (store_) store_->close();
    streams_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void start_streams(StreamBatchLimits limits = {}) {
    streams_ = std::make_unique<StreamServer>(gate_, 2, limits);
    ASSERT_TRUE(streams_->listen(syslog_service("127.0.0.1:0", "syslog-tenant")));
    ASSERT_TRUE(streams_->listen(jsonlines_service("127.0.0.1:0", "json-tenant", {})));
    streams_->start();
  }

  void open_store() {
    storage::StoreOptions options;
    options.data_dir = dir_;
    options.fsync = false;
    auto store = storage::Store::open(options);
    ASSERT_TRUE(store.is_ok()) << store.status().to_string();
    store_ = std::move(*store);
    gate_.set_store(store_.get());
  }

  // The log records the store serves to both tenants of the listeners.
  uint64_t stored_records() const {
    uint64_t n = 0;
    auto view = store_->view();
    for (const char* tenant : {"syslog-tenant", "json-tenant"}) {
      Status s = storage::scan_logs(*view, tenant, {}, [&](const LogRecord&) { return ++n; });
      EXPECT_TRUE(s.is_ok()) << s.to_string();
    }
    return n;
  }

  // Waits until the store holds `count` log records (or 20 s pass).
  bool wait_for_records(uint64_t count) {
    for (int i = 0; i < 2000; ++i) {
      uint64_t n = stored_records();
      if (n >= count) return n == count;
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }

  std::filesystem::path dir_;
  IngestGate gate_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<StreamServer> streams_;
};

TEST_F(StreamServerTest, BindsTcpAndUdpOnTheGivenAddress) {
  start_streams();
  EXPECT_NE(streams_->address("syslog/tcp"), "");
  EXPECT_NE(streams_->address("syslog/udp"), "");
  EXPECT_NE(streams_->address("jsonlines/tcp"), "");
  EXPECT_EQ(streams_->address("jsonlines/udp"), "");
}

TEST_F(StreamServerTest, BindErrorNamesTheAddress) {
  start_streams();
  StreamServer other(gate_, 1);
  std::string taken = streams_->address("syslog/tcp");
  Status s = other.listen(syslog_service(taken, "default"));
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find(taken), std::string::npos) << s.message();
}

TEST_F(StreamServerTest, SyslogOverTcpAndUdpIsStored) {
  open_store();
  start_streams();
  send_tcp(streams_->address("syslog/tcp"),
           "<13>Nov 22 10:04:05 host app: one\n12 <14>1 - - - -\n<15>1 - h a - - - three");
  net::io_context io;
  net::ip::udp::socket udp(io, net::ip::udp::v4());
  auto [host, port] = split(streams_->address("syslog/udp"));
  net::ip::udp::endpoint target(net::ip::make_address(host),
                                static_cast<unsigned short>(std::stoi(port)));
  std::string datagram = "<11>1 - h a - - - four";
  udp.send_to(net::buffer(datagram), target);
  ASSERT_TRUE(wait_for_records(4));
}

TEST_F(StreamServerTest, JsonLinesBadLinesAreCountedAndTheRestStored) {
  open_store();
  start_streams();
  uint64_t malformed =
      counter_value("weft_ingest_rejected_records_total", "jsonlines/tcp", "malformed");
  send_tcp(streams_->address("jsonlines/tcp"), "{\"msg\":\"a\"}\nnot json\n\n{\"msg\":\"b\"}");
  ASSERT_TRUE(wait_for_records(2));
  EXPECT_EQ(counter_value("weft_ingest_rejected_records_total", "jsonlines/tcp", "malformed"),
            malformed + 1);
}

TEST_F(StreamServerTest, OversizedLinesAreSkipped) {
  open_store();
  start_streams();
  uint64_t too_large =
      counter_value("weft_ingest_rejected_records_total", "jsonlines/tcp", "too_large");
  std::string huge = "{\"msg\":\"" + std::string(kJsonLinesMaxLineBytes, 'x') + "\"}\n";
  send_tcp(streams_->address("jsonlines/tcp"), "{\"msg\":\"a\"}\n" + huge + "{\"msg\":\"b\"}\n");
  ASSERT_TRUE(wait_for_records(2));
  EXPECT_EQ(counter_value("weft_ingest_rejected_records_total", "jsonlines/tcp", "too_large"),
            too_large + 1);
}

// While storage refuses (here: it is not open yet, as during WAL replay), a connection stops
// reading once its batches are full, so the sender is held back by TCP; once storage accepts,
// every record arrives.
TEST_F(StreamServerTest, BackpressureHoldsTheSenderAndLosesNothing) {
  StreamBatchLimits limits;
  limits.max_frames = 100;
  limits.retry_min = 20ms;
  limits.retry_max = 50ms;
  start_streams(limits);
  const int kMessages = 150'000;
  std::string payload;
  for (int i = 0; i < kMessages; ++i)
    payload += "<14>1 2026-11-22T10:04:05Z host app - - - message number " + std::to_string(i) +
               " with some padding to make it longer than a hundred bytes or so, roughly\n";
  std::string address = streams_->address("syslog/tcp");
  uint64_t received_before = counter_value("weft_ingest_bytes_total", "syslog/tcp");
  std::atomic<bool> sent{false};
  std::thread sender([&] {
    send_tcp(address, payload);
    sent = true;
  });
  std::this_thread::sleep_for(1500ms);
  uint64_t received = counter_value("weft_ingest_bytes_total", "syslog/tcp") - received_before;
  EXPECT_FALSE(sent.load()) << "the sender was not held back";
  EXPECT_LT(received, 1u << 20) << "the connection kept reading while storage refused";
  open_store();
  sender.join();
  EXPECT_TRUE(wait_for_records(kMessages)) << stored_records();
}

// UDP cannot hold its senders back: while storage refuses and the socket's batches are full,
// datagrams are dropped and counted; everything else arrives once storage accepts.
TEST_F(StreamServerTest, UdpDropsAreCounted) {
  StreamBatchLimits limits;
  limits.max_frames = 10;  // 40 for UDP
  limits.retry_min = 20ms;
  limits.retry_max = 50ms;
  start_streams(limits);
  uint64_t dropped_before =
      counter_value("weft_ingest_rejected_records_total", "syslog/udp", "backpressure");
  net::io_context io;
  net::ip::udp::socket udp(io, net::ip::udp::v4());
  auto [host, port] = split(streams_->address("syslog/udp"));
  net::ip::udp::endpoint target(net::ip::make_address(host),
                                static_cast<unsigned short>(std::stoi(port)));
  const uint64_t kDatagrams = 300;
  for (uint64_t i = 0; i < kDatagrams; ++i) {
    std::string datagram = "<14>1 - h app - - - datagram " + std::to_string(i);
    udp.send_to(net::buffer(datagram), target);
    if (i % 50 == 49) std::this_thread::sleep_for(20ms);  // no kernel buffer overflow
  }
  std::this_thread::sleep_for(300ms);
  uint64_t dropped =
      counter_value("weft_ingest_rejected_records_total", "syslog/udp", "backpressure") -
      dropped_before;
  EXPECT_GT(dropped, 0u);
  open_store();
  EXPECT_TRUE(wait_for_records(kDatagrams - dropped)) << stored_records();
}

TEST_F(StreamServerTest, StopStoresWhatWasRead) {
  open_store();
  StreamBatchLimits limits;
  limits.linger = std::chrono::milliseconds(60000);  // only stop() flushes
  start_streams(limits);
  send_tcp(streams_->address("jsonlines/tcp"), "{\"msg\":\"a\"}\n{\"msg\":\"b\"}\n");
  std::this_thread::sleep_for(200ms);
  // The connection closed: its batch went out right away (close flushes).
  EXPECT_EQ(stored_records(), 2u);
  // An open connection's pending batch is flushed by stop().
  net::io_context io;
  tcp::socket socket(io);
  auto [host, port] = split(streams_->address("jsonlines/tcp"));
  net::connect(socket, tcp::resolver(io).resolve(host, port));
  std::string more = "{\"msg\":\"c\"}\n";
  net::write(socket, net::buffer(more));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(stored_records(), 2u);
  streams_->stop(5s);
  EXPECT_EQ(stored_records(), 3u);
}

}  // namespace
}  // namespace weft::server
