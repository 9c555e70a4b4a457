// pes: a scorer and validator for 财政项目支出绩效自评表. The command line is defined in app.cc.
#include "app.h"

int main(int argc, char** argv) { return pes::cli::run_app(argc, argv); }
