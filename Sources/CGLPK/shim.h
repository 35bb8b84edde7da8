// Debian's libglpk-dev installs glpk.h without a pkg-config file, so the
// header is reached directly from the system include path.
#include <glpk.h>
