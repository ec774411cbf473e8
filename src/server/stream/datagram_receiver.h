// DatagramReceiver: the UDP socket of a stream service (syslog over UDP, RFC 5426): every
// datagram is one message.
//
// UDP cannot push back. While the socket's batcher is full (storage slower than the senders)
// arriving datagrams are dropped and counted in weft_ingest_rejected_records_total
// {endpoint="<name>/udp",reason="backpressure"}; the socket's receive buffer is enlarged (up to
// the kernel's net.core.rmem_max) so short stalls are absorbed before that.
//
// Thread safety: all state lives on the socket's strand; stop() and abandon() post to it.
#pragma once

#include <array>
#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>

#include "common/status.h"
#include "server/stream/stream_batcher.h"
#include "server/stream/stream_door.h"
#include "server/stream/stream_endpoint.h"

namespace weft::server {

class DatagramReceiver final : public StreamEndpoint,
                               public std::enable_shared_from_this<DatagramReceiver> {
 public:
  // Binds. kIoError naming the address when it cannot.
  static Result<std::shared_ptr<DatagramReceiver>> open(
      boost::asio::io_context& io, const boost::asio::ip::udp::endpoint& endpoint,
      const StreamDoor& door);

  DatagramReceiver(boost::asio::io_context& io, const StreamDoor& door);
  ~DatagramReceiver() override;

  // Registers the receiver and starts receiving. Call once, from the owner.
  void start();
  void stop() override;
  void abandon() override;
  const boost::asio::ip::udp::endpoint& local_endpoint() const { return local_; }

 private:
  static constexpr size_t kMaxDatagram = 65536;

  Status bind(const boost::asio::ip::udp::endpoint& endpoint);
  void receive();
  void on_receive(boost::system::error_code ec, size_t bytes);
  void finish();

  const StreamDoor& door_;
  boost::asio::ip::udp::socket socket_;
  std::shared_ptr<StreamBatcher> batcher_;
  std::unique_ptr<std::array<char, kMaxDatagram>> buffer_;
  boost::asio::ip::udp::endpoint sender_;
  boost::asio::ip::udp::endpoint local_;
  bool stopping_ = false;
  bool finished_ = false;
};

}  // namespace weft::server
