// The one doctest main of the UI tests (tests/ui: the driver and the app's views).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
