# weft_module(NAME DEPS <targets...>)
#
# Declares the library target weft_<NAME> from every *.cc under the current folder (sub-folders
# included), except *_test.cc and *_fuzz.cc. Headers sit beside sources and are included from
# the src/ root ("storage/wal/wal_writer.h"). The *_test.cc files become one GoogleTest binary,
# weft_<NAME>_test, registered with ctest.
function(weft_module NAME)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(lib_sources ${all_sources})
  list(FILTER lib_sources EXCLUDE REGEX "(_(test|fuzz)|/main)\\.cc$")
  set(test_sources ${all_sources})
  list(FILTER test_sources INCLUDE REGEX "_test\\.cc$")

  if(lib_sources)
    add_library(weft_${NAME} STATIC ${lib_sources})
    target_include_directories(weft_${NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(weft_${NAME} PUBLIC ${ARG_DEPS})
  else()  # a module of headers only
    add_library(weft_${NAME} INTERFACE)
    target_include_directories(weft_${NAME} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(weft_${NAME} INTERFACE ${ARG_DEPS})
  endif()

  if(WEFT_TESTS AND test_sources)
    add_executable(weft_${NAME}_test ${test_sources})
    target_link_libraries(weft_${NAME}_test PRIVATE weft_${NAME} ${ARG_TEST_DEPS} GTest::gtest_main GTest::gmock)
    gtest_discover_tests(weft_${NAME}_test TEST_PREFIX "${NAME}." DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
