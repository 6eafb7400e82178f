// The wall as it is built (monitors in rows and columns) and a layout on it (even splits and
// free windows), as plain structs. Units: millimetres on the wall, pixels on panels.
#pragma once

#include <string>
#include <vector>

#include "geometry.h"

namespace vigil::wall {

// Limits keep a hostile or mistyped file from asking for absurd work or memory.
constexpr int kMaxGridSide = 32;       // monitors per row or column
constexpr int kMaxSplitSide = 8;       // cells per row or column of an even split
constexpr int kMaxWindows = 4096;      // free windows in one layout
constexpr int kMaxViewports = 65536;   // pieces of windows and cells on monitors, all together
constexpr double kMaxPixels = 16384;   // per panel side
constexpr double kMaxMillimetres = 1e5;  // any length on the wall (100 m)
constexpr size_t kMaxIdLength = 128;

// Everything as the panel's datasheet gives it, in the panel's own (unturned) orientation.
struct Monitor {
  double resolution_width = 0, resolution_height = 0;  // pixels
  double active_width = 0, active_height = 0;          // millimetres of picture
  double bezel_top = 0, bezel_right = 0, bezel_bottom = 0, bezel_left = 0;  // millimetres
  int rotation = 0;      // clockwise, as mounted: 0, 90, 180 or 270
  bool present = true;   // false when the output is missing (unplugged, failed, not yet built)
};

struct Wall {
  int rows = 0, columns = 0;
  std::vector<Monitor> monitors;  // row-major, rows * columns of them
};

struct Window {
  std::string id;
  Rect rect;  // millimetres from the wall's top-left outer corner
  double z = 0;
};

struct Split {
  std::string id;
  int row = 0, column = 0;     // which monitor
  int rows = 1, columns = 1;   // cells
};

struct Layout {
  std::vector<Split> splits;
  std::vector<Window> windows;
};

// Where each monitor hangs, in millimetres on the wall.
struct PlacedMonitor {
  int row = 0, column = 0;
  bool present = true;
  Rect outer;    // including bezels
  Rect active;   // the picture area
  PanelFrame frame;
  double panel_width = 0, panel_height = 0;  // pixels, the framebuffer's size
};

struct WallGeometry {
  double width = 0, height = 0;
  std::vector<PlacedMonitor> monitors;  // row-major like Wall::monitors
};

// Why a wall or layout was refused. `window` names the window or split at fault, `monitor` the
// monitor (row-major index) when one is, else -1.
struct Refusal {
  std::string code;
  std::string message;
  std::string window;
  int monitor = -1;
};

}  // namespace vigil::wall
