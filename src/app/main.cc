// The `weft` binary.
#include "app/commands.h"

int main(int argc, char** argv) { return weft::app::run_cli(argc, argv); }
