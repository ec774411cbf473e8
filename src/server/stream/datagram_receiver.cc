#include "server/stream/datagram_receiver.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include "common/log.h"

namespace weft::server {

namespace {

namespace net = boost::asio;
using udp = net::ip::udp;

constexpr int kReceiveBufferBytes = 8 << 20;

std::string format_udp(const udp::endpoint& endpoint) {
  std::string host = endpoint.address().to_string();
  if (endpoint.address().is_v6()) host = "[" + host + "]";
  return host + ":" + std::to_string(endpoint.port());
}

}  // namespace

Result<std::shared_ptr<DatagramReceiver>> DatagramReceiver::open(net::io_context& io,
                                                                 const udp::endpoint& endpoint,
                                                                 const StreamDoor& door) {
  auto receiver = std::make_shared<DatagramReceiver>(io, door);
  WEFT_RETURN_IF_ERROR(receiver->bind(endpoint));
  return receiver;
}

DatagramReceiver::DatagramReceiver(net::io_context& io, const StreamDoor& door)
    : door_(door),
      socket_(net::make_strand(io)),
      batcher_(std::make_shared<StreamBatcher>(socket_.get_executor(), door.door,
                                               door.service.tenant, door.service.make_decoder(),
                                               door.limits)),
      buffer_(std::make_unique<std::array<char, kMaxDatagram>>()) {}

DatagramReceiver::~DatagramReceiver() { door_.registry.remove(this); }

Status DatagramReceiver::bind(const udp::endpoint& endpoint) {
  boost::system::error_code ec;
  socket_.open(endpoint.protocol(), ec);
  if (!ec) socket_.bind(endpoint, ec);
  if (!ec) local_ = socket_.local_endpoint(ec);
  if (ec) return Status::io_error("listen udp " + format_udp(endpoint) + ": " + ec.message());
  boost::system::error_code ignored;  // the kernel caps it at net.core.rmem_max
  socket_.set_option(net::socket_base::receive_buffer_size(kReceiveBufferBytes), ignored);
  return Status::ok();
}

void DatagramReceiver::start() {
  if (!door_.registry.add(shared_from_this())) return;
  net::post(socket_.get_executor(), [self = shared_from_this()] { self->receive(); });
}

void DatagramReceiver::receive() {
  if (stopping_) return finish();
  socket_.async_receive_from(net::buffer(*buffer_), sender_,
                             [self = shared_from_this()](boost::system::error_code ec, size_t n) {
                               self->on_receive(ec, n);
                             });
}

void DatagramReceiver::on_receive(boost::system::error_code ec, size_t bytes) {
  if (ec == net::error::operation_aborted || stopping_) return finish();
  if (ec) {
    log::debug("udp receive failed", {{"door", door_.service.name}, {"error", ec.message()}});
    return receive();
  }
  door_.door.received(bytes);
  if (batcher_->full())
    door_.door.refused(RejectReason::kBackpressure, 1, bytes);
  else
    batcher_->add(std::string_view(buffer_->data(), bytes), bytes);
  receive();
}

void DatagramReceiver::finish() {
  if (finished_) return;
  finished_ = true;
  boost::system::error_code ignored;
  socket_.close(ignored);
  batcher_->close([self = shared_from_this()] {});
}

void DatagramReceiver::stop() {
  net::post(socket_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    boost::system::error_code ignored;
    self->socket_.cancel(ignored);  // the pending receive ends: finish()
  });
}

void DatagramReceiver::abandon() {
  net::post(socket_.get_executor(), [self = shared_from_this()] {
    self->finish();
    self->batcher_->abandon();
  });
}

}  // namespace weft::server
