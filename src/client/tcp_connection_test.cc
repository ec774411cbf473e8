// TcpConnection against a tiny sink: endpoint parsing, writes arriving whole, finish() waiting
// for the server to close, and an unreachable endpoint.
#include "client/tcp_connection.h"

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>

#include <thread>

namespace weft::client {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

TEST(TcpEndpoint, Parses) {
  auto e = parse_tcp_endpoint("tcp://127.0.0.1:5514");
  ASSERT_TRUE(e.is_ok());
  EXPECT_EQ(e->host, "127.0.0.1");
  EXPECT_EQ(e->port, "5514");
  e = parse_tcp_endpoint("[::1]:5170");
  ASSERT_TRUE(e.is_ok());
  EXPECT_EQ(e->host, "::1");
  for (std::string_view bad : {"", "tcp://", "localhost", ":1", "host:", "host:12x", "host:123456"})
    EXPECT_FALSE(parse_tcp_endpoint(bad).is_ok()) << bad;
}

TEST(TcpConnection, WritesEverythingAndFinishWaitsForTheServer) {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  std::string received;
  std::thread sink([&] {
    tcp::socket socket(io);
    acceptor.accept(socket);
    boost::system::error_code ec;
    asio::read(socket, asio::dynamic_buffer(received), ec);  // until the client's EOF
    socket.close();
  });
  TcpConnection connection({"127.0.0.1", std::to_string(acceptor.local_endpoint().port())});
  std::string big(1 << 20, 'x');
  ASSERT_TRUE(connection.write("hello\n").is_ok());
  ASSERT_TRUE(connection.write(big).is_ok());
  ASSERT_TRUE(connection.finish().is_ok());
  sink.join();
  EXPECT_EQ(received, "hello\n" + big);
}

TEST(TcpConnection, UnreachableIsAnIoError) {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  std::string port = std::to_string(acceptor.local_endpoint().port());
  acceptor.close();
  TcpConnection connection({"127.0.0.1", port}, std::chrono::milliseconds(2000));
  Status s = connection.write("x");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("cannot connect"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace weft::client
